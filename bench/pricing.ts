/**
 * `npx tsx bench/pricing.ts [--events N]`: the price book's cost on the ingest path, per event
 * and per batch, on the shipped book plus 200 custom prices (docs/benchmarks.md, "Pricing").
 * - per event: `priceCall` (cached matcher lookup + the cost by kind of token) over a mix of
 *   40 model names (shipped, custom, dated, unpriced), against the old input/output-only formula;
 * - per batch: `priceBook(db)`, the price-table fingerprint query that lets every connection
 *   see a saved price before its next batch;
 * - cold: the first lookup of a (project, provider, model), which scans the book once;
 * - re-pricing: time per 1,000-event batch (one transaction: the longest ingest may wait).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { price, repriceJob } from "@/db/schema";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { repriceBatch } from "@/lib/pricing/reprice-batch";
import { ensureProject } from "@/lib/projects/create-project";
import { DEFAULT_PRICES } from "@/lib/pricing/default-prices";
import { PriceMatcher } from "@/lib/pricing/match-price";
import { priceBook } from "@/lib/pricing/price-book";
import { priceCall } from "@/lib/pricing/price-call";
import type { PriceEntry } from "@/lib/pricing/price-entry";
import type { UsageFields } from "@/lib/pricing/usage";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("events", 2_000_000);

const MODELS = [
  "gpt-4o", "gpt-4o-mini-2024-07-18", "openai/gpt-5", "o3", "claude-sonnet-4-20250514", "anthropic.claude-3-5-haiku-20241022-v1:0",
  "claude-opus-4-5", "gemini-2.5-pro", "gemini-2.5-flash", "mistral-large-latest",
  ...Array.from({ length: 20 }, (_, i) => `ft-customer-${i}`),
  ...Array.from({ length: 10 }, (_, i) => `unpriced-model-${i}`),
];
const USAGE: UsageFields[] = [
  { inputTokens: 48_183, cacheReadInputTokens: 47_105, cacheCreationInputTokens: 1_076, outputTokens: 714 },
  { inputTokens: 12_000, cacheReadInputTokens: 8_192, outputTokens: 3_500, reasoningTokens: 2_816 },
  { inputTokens: 1_250, outputTokens: 180 },
];

function custom(): PriceEntry[] {
  return Array.from({ length: 200 }, (_, i) => ({
    id: i + 1, projectId: 1, model: `ft-customer-${i % 100}`, match: i % 3 === 0 ? "prefix" : "exact", provider: null,
    rates: { inputPerMTok: 1 + (i % 7), outputPerMTok: 2 + (i % 5), cacheReadPerMTok: 0.1 }, tiers: [],
    effectiveFrom: i < 100 ? 0 : Date.UTC(2026, 0, 1), // 100 dated changes: two versions per model
  }));
}

function perEvent() {
  const book = new PriceMatcher([...DEFAULT_PRICES, ...custom()]);
  const ts = Date.now();
  let sink = 0;
  // Warm the cache and the JIT.
  for (let i = 0; i < 100_000; i++) sink += priceCall(book, { projectId: 1, model: MODELS[i % MODELS.length], provider: null, ts, usage: USAGE[i % 3] }).costUsd ?? 0;
  let t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) sink += priceCall(book, { projectId: 1, model: MODELS[i % MODELS.length], provider: null, ts: ts - (i % 2) * 3e10, usage: USAGE[i % 3] }).costUsd ?? 0;
  const priceNs = Number(process.hrtime.bigint() - t) / N;
  // The formula this replaces: input × rate + output × rate behind one regex scan per new model, then a map hit.
  const old = new Map<string, { i: number; o: number } | null>();
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const m = MODELS[i % MODELS.length];
    let r = old.get(`1\u0000${m}`);
    if (r === undefined) old.set(`1\u0000${m}`, (r = m.startsWith("unpriced") ? null : { i: 2.5, o: 10 }));
    const u = USAGE[i % 3];
    if (r) sink += ((u.inputTokens ?? 0) * r.i + (u.outputTokens ?? 0) * r.o) / 1e6;
  }
  const oldNs = Number(process.hrtime.bigint() - t) / N;
  let cold = 0;
  t = process.hrtime.bigint();
  for (let i = 0; i < 2_000; i++) cold += new PriceMatcher([...DEFAULT_PRICES, ...custom()]).find(1, `model-${i}`, null, ts) ? 1 : 0;
  const buildAndMissUs = Number(process.hrtime.bigint() - t) / 2_000 / 1000;
  return { priceNs, oldNs, buildAndMissUs, sink: sink + cold };
}

async function perBatch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-bench-pricing-"));
  const db = openDb(`file:${path.join(dir, "p.db")}`);
  const { id: projectId } = await ensureProject(db, "pricing");
  const now = Date.now();
  await db.orm.insert(price).values(
    custom().map((c) => ({ projectId, model: c.model, match: c.match, inputPerMTok: c.rates.inputPerMTok, outputPerMTok: c.rates.outputPerMTok, tiers: "[]", effectiveFrom: c.effectiveFrom, createdBy: "bench", createdAt: now, updatedAt: now })),
  );
  priceBook(db);
  const K = 20_000;
  const t = process.hrtime.bigint();
  for (let i = 0; i < K; i++) priceBook(db);
  const checkUs = Number(process.hrtime.bigint() - t) / K / 1000;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { checkUs };
}

async function reprice() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-bench-reprice-"));
  const db = openDb(`file:${path.join(dir, "r.db")}`);
  const { id: projectId } = await ensureProject(db, "reprice");
  const now = Date.now();
  const from = now - 6 * 86_400_000;
  const total = 50_000;
  for (let b = 0; b < total; b += 1000) {
    ingestEvents(db, projectId, Array.from({ length: 1000 }, (_, i) => ({
      id: `r${b + i}`, type: "llm", model: `ft-${(b + i) % 5}`, timestamp: from + Math.floor(((b + i) / total) * 5 * 86_400_000),
      latencyMs: 100, inputTokens: 10_000, cacheReadInputTokens: 6_000, outputTokens: 300, promptId: "p", promptVersion: 1 + (i % 3),
    })));
  }
  await db.orm.insert(price).values({ projectId, model: "ft-", match: "prefix", inputPerMTok: 1, outputPerMTok: 2, cacheReadPerMTok: 0.1, tiers: "[]", createdBy: "bench", createdAt: now, updatedAt: now });
  const [job] = await db.orm.insert(repriceJob).values({ projectId, fromTs: from - 1, toTs: now, status: "queued", requestedBy: "bench", createdAt: now }).returning();
  const times: number[] = [];
  for (;;) {
    const t = process.hrtime.bigint();
    const r = await repriceBatch(db, job.id, Date.now());
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.done) break;
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const sum = times.reduce((a, b) => a + b, 0);
  return { events: total, batches: times.length, msPerBatchMedian: times[Math.floor(times.length / 2)], msPerBatchMax: times[times.length - 1], eventsPerSecond: Math.round(total / (sum / 1000)) };
}

async function main() {
  const e = perEvent();
  const b = await perBatch();
  const r = await reprice();
  console.log(JSON.stringify({
    events: N, models: MODELS.length, customPrices: 200,
    priceCallNsPerEvent: Math.round(e.priceNs), oldFormulaNsPerEvent: Math.round(e.oldNs),
    firstLookupUs: Math.round(e.buildAndMissUs * 10) / 10,
    versionCheckUsPerBatch: Math.round(b.checkUs * 100) / 100,
    versionCheckNsPerEventAt500: Math.round((b.checkUs * 1000) / 500),
    reprice: { ...r, msPerBatchMedian: Math.round(r.msPerBatchMedian * 10) / 10, msPerBatchMax: Math.round(r.msPerBatchMax * 10) / 10 },
  }, null, 2));
}

void main();
