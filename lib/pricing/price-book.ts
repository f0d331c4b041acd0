import { count, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { price } from "@/db/schema";
import { readPriceRows, readPriceRowsSync, type PriceRow } from "@/db/statements/prices";
import { DEFAULT_PRICES } from "./default-prices";

export interface PriceRule {
  id: number;
  projectId: number | null;
  pattern: string;
  regex: RegExp;
  inputPerMTok: number;
  outputPerMTok: number;
  priority: number;
}

/** Prices are read per ingest batch; reload at most this often so edits elsewhere show up. */
const RELOAD_MS = 30_000;

interface PriceCache {
  loadedAt: number;
  rules: PriceRule[];
  byModel: Map<string, PriceRule | null>;
}

function cache(db: Db): { current?: PriceCache } {
  return memo(db, "priceBook", () => ({}));
}

function build(rows: PriceRow[]): PriceCache {
  const rules = rows.flatMap((r) => {
    try {
      return [{ ...r, regex: new RegExp(`^(?:${r.pattern})$`, "i") }];
    } catch {
      return []; // an invalid pattern never matches; the price UI validates on save
    }
  });
  return { loadedAt: Date.now(), rules, byModel: new Map() };
}

function stale(c: { current?: PriceCache }): boolean {
  return !c.current || Date.now() - c.current.loadedAt > RELOAD_MS;
}

/**
 * Loads the price book if it is missing or older than RELOAD_MS. The PostgreSQL ingest path
 * awaits this before its (synchronous) row building; on SQLite `findPrice` loads by itself.
 * So a price edited through another instance is applied within RELOAD_MS (docs/scaling.md).
 */
export async function ensurePriceBook(db: Db): Promise<void> {
  const c = cache(db);
  if (stale(c)) c.current = build(await readPriceRows(db));
}

/** Forget cached prices (call after editing the price table). */
export function invalidatePriceBook(db: Db): void {
  cache(db).current = undefined;
}

/**
 * The price that applies to `modelName` in `projectId`: project rules before instance rules,
 * then higher priority, then the longer (more specific) pattern.
 */
export function findPrice(db: Db, projectId: number, modelName: string): PriceRule | null {
  const c = cache(db);
  if (stale(c) && db.dialect === "sqlite") c.current = build(readPriceRowsSync(db));
  if (!c.current) throw new Error("The price book is not loaded: await ensurePriceBook(db) first");
  const key = `${projectId}\u0000${modelName}`;
  const hit = c.current.byModel.get(key);
  if (hit !== undefined) return hit;
  let best: PriceRule | null = null;
  for (const r of c.current.rules) {
    if (r.projectId !== null && r.projectId !== projectId) continue;
    if (!r.regex.test(modelName)) continue;
    if (!best || rank(r) > rank(best)) best = r;
  }
  if (c.current.byModel.size > 50_000) c.current.byModel.clear();
  c.current.byModel.set(key, best);
  return best;
}

function rank(r: PriceRule): number {
  return (r.projectId !== null ? 1e9 : 0) + r.priority * 1e4 + r.pattern.length;
}

export function costOf(rule: PriceRule, inputTokens: number, outputTokens: number): number {
  return (inputTokens * rule.inputPerMTok + outputTokens * rule.outputPerMTok) / 1_000_000;
}

/** Ships the default price book into an empty price table (instance-wide rules). */
export async function seedDefaultPrices(db: Db): Promise<number> {
  const [existing] = await db.orm.select({ n: count() }).from(price).where(isNull(price.projectId));
  if ((existing?.n ?? 0) > 0) return 0;
  const now = Date.now();
  await db.orm.insert(price).values(DEFAULT_PRICES.map((p) => ({ ...p, projectId: null, priority: 0, createdAt: now, updatedAt: now })));
  invalidatePriceBook(db);
  return DEFAULT_PRICES.length;
}
