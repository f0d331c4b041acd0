import type { price } from "@/db/schema";
import type { PriceEntry } from "./price-entry";
import type { PriceView } from "./schemas";

type PriceRow = typeof price.$inferSelect;

const iso = (ms: number) => new Date(ms).toISOString();

/** A shipped default as the API shows it (no id: it cannot be edited, only overridden). */
export function defaultPriceView(e: PriceEntry): PriceView {
  const r = e.rates;
  return {
    id: null, scope: "default", model: e.model, match: e.match, provider: e.provider, inputPerMTok: r.inputPerMTok, outputPerMTok: r.outputPerMTok,
    cacheReadPerMTok: r.cacheReadPerMTok ?? null, cacheWritePerMTok: r.cacheWritePerMTok ?? null, cacheWrite1hPerMTok: r.cacheWrite1hPerMTok ?? null,
    reasoningPerMTok: r.reasoningPerMTok ?? null, audioInputPerMTok: r.audioInputPerMTok ?? null, audioOutputPerMTok: r.audioOutputPerMTok ?? null,
    imageInputPerMTok: r.imageInputPerMTok ?? null, imageOutputPerMTok: r.imageOutputPerMTok ?? null, tiers: e.tiers,
    effectiveFrom: e.effectiveFrom > 0 ? iso(e.effectiveFrom) : null, createdBy: null, updatedAt: null,
  };
}

export function storedPriceView(r: PriceRow): PriceView {
  return {
    id: r.id, scope: r.projectId === null ? "instance" : "project", model: r.model, match: r.match, provider: r.provider,
    inputPerMTok: r.inputPerMTok, outputPerMTok: r.outputPerMTok, cacheReadPerMTok: r.cacheReadPerMTok, cacheWritePerMTok: r.cacheWritePerMTok,
    cacheWrite1hPerMTok: r.cacheWrite1hPerMTok, reasoningPerMTok: r.reasoningPerMTok, audioInputPerMTok: r.audioInputPerMTok,
    audioOutputPerMTok: r.audioOutputPerMTok, imageInputPerMTok: r.imageInputPerMTok, imageOutputPerMTok: r.imageOutputPerMTok,
    tiers: JSON.parse(r.tiers), effectiveFrom: r.effectiveFrom > 0 ? iso(r.effectiveFrom) : null, createdBy: r.createdBy, updatedAt: iso(r.updatedAt),
  };
}
