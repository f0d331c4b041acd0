import { and, asc, eq } from "drizzle-orm";
import { modelLineage, modelVersion, referenceRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/services/context";
import type { DriftRow } from "./build-report";
import { readPredictionSample, type SampledRow } from "./read-sample";
import { sampleUniform, seededRandom } from "./sample";
import { findStoredReference } from "./set-reference";
import type { DriftQuery } from "./schemas";
import type { z } from "zod";
import type { referenceInfoSchema } from "./schemas";

export type ReferenceInfo = z.output<typeof referenceInfoSchema>;

export interface ResolvedReference {
  info: ReferenceInfo;
  rows: readonly (DriftRow & { attributions?: Record<string, unknown> | null })[];
  total: number;
  /** The time window of production predictions it covers, when it is one (for label drift). */
  window: { from: number; to: number } | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The baseline in use, by precedence: the request's referenceFrom/referenceTo; the baseline stored
 * for this version, else for the model; else the window of equal length just before `from`.
 */
export async function resolveReference(
  ctx: ServiceContext,
  m: { id: number },
  q: Pick<DriftQuery, "referenceFrom" | "referenceTo">,
  current: { from: number; to: number; versionId?: number },
  cap: number,
): Promise<ResolvedReference> {
  const base = { projectId: ctx.projectId, modelId: m.id };
  const window = async (from: number, to: number, source: ReferenceInfo["source"], kind: ReferenceInfo["kind"], versionId?: number, version: string | null = null) => {
    const s = await readPredictionSample(ctx.db, { ...base, versionId, from, to }, cap);
    const bounded = kind !== "version";
    return info(source, kind, s, { from: bounded ? iso(from) : null, to: bounded ? iso(to) : null, version, window: bounded ? { from, to } : null });
  };
  if (q.referenceFrom !== undefined && q.referenceTo !== undefined) {
    return window(q.referenceFrom, q.referenceTo, "query", "window", current.versionId);
  }
  const stored = await findStoredReference(ctx, m.id, current.versionId);
  if (stored) {
    const r = stored.ref;
    if (r.kind === "window") return window(r.fromTs!, r.toTs!, "stored", "window", current.versionId);
    if (r.kind === "version") {
      return window(0, Number.MAX_SAFE_INTEGER, "stored", "version", r.sourceVersionId ?? undefined, stored.sourceVersion);
    }
    return datasetReference(ctx, r.id, r.datasetName, cap);
  }
  const span = current.to - current.from;
  return window(current.from - span, current.from, "default", "previous_window", current.versionId);
}

function info(
  source: ReferenceInfo["source"],
  kind: ReferenceInfo["kind"],
  s: { rows: SampledRow[]; total: number },
  extra: { from: string | null; to: string | null; version: string | null; window: { from: number; to: number } | null },
): ResolvedReference {
  return {
    info: { source, kind, from: extra.from, to: extra.to, version: extra.version, datasetName: null, trainingDatasetOf: [], count: s.total, sampled: s.rows.length < s.total },
    rows: s.rows,
    total: s.total,
    window: extra.window,
  };
}

async function datasetReference(ctx: ServiceContext, referenceId: number, name: string | null, cap: number): Promise<ResolvedReference> {
  const stored = await ctx.db.orm.select().from(referenceRow).where(eq(referenceRow.referenceId, referenceId)).orderBy(asc(referenceRow.id));
  const all: DriftRow[] = stored.map((r) => ({ features: JSON.parse(r.features) as Record<string, unknown>, prediction: r.predictionNum ?? r.predictionText }));
  // Seeded by the baseline's id: the same rows on every report.
  const sample = sampleUniform(all, cap, seededRandom(referenceId));
  const trainingDatasetOf = name
    ? (
        await ctx.db.orm
          .select({ version: modelVersion.version })
          .from(modelLineage)
          .innerJoin(modelVersion, eq(modelVersion.id, modelLineage.modelVersionId))
          .where(and(eq(modelLineage.projectId, ctx.projectId), eq(modelLineage.datasetName, name)))
      ).map((r) => r.version)
    : [];
  return {
    info: { source: "stored", kind: "dataset", from: null, to: null, version: null, datasetName: name, trainingDatasetOf, count: all.length, sampled: sample.sampled },
    rows: sample.items,
    total: all.length,
    window: null,
  };
}
