import { and, eq, inArray, max, min, ne } from "drizzle-orm";
import { z } from "zod";
import { RESOLUTIONS, rollup } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { loadDimensionNames } from "./dimension-names";
import { resolveDimensionFilter } from "./filters";

/** Two versions of one model (`model`) or of one prompt (`promptId`, numeric versions). */
export const versionOverlapQuerySchema = z
  .object({
    model: z.string().min(1).max(200).optional(),
    promptId: z.string().min(1).max(200).optional(),
    a: z.string().min(1).max(100),
    b: z.string().min(1).max(100),
  })
  .refine((q) => (q.model === undefined) !== (q.promptId === undefined), { message: "give exactly one of model or promptId", path: ["model"] })
  .refine((q) => q.promptId === undefined || (/^[1-9]\d{0,8}$/.test(q.a) && /^[1-9]\d{0,8}$/.test(q.b)), { message: "prompt versions are numbers", path: ["a"] });

export type VersionOverlapQuery = z.output<typeof versionOverlapQuerySchema>;

const seenSchema = z.object({ firstSeen: z.number().int(), lastSeen: z.number().int() }).nullable();

export const versionOverlapSchema = z.object({
  a: seenSchema,
  b: seenSchema,
  /** Inclusive epoch-ms bounds where both versions have data; null when they never overlapped. */
  overlap: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
});

export type VersionOverlap = z.infer<typeof versionOverlapSchema>;
type Seen = z.infer<typeof seenSchema>;

const { minute: MINUTE, hour: HOUR } = RESOLUTIONS;

/**
 * When each of two versions was first and last seen, and the range where both have data — so
 * a comparison that finds one version silent in the selected range can offer that range
 * instead of only "not enough data". Read from the rollups: hour rows are kept forever and give
 * hour precision; minute rows, where they still exist, sharpen both ends to the minute.
 */
export async function getVersionOverlap(ctx: ServiceContext, q: VersionOverlapQuery): Promise<VersionOverlap> {
  authorize(ctx, "telemetry:read");
  const names = await loadDimensionNames(ctx.db, ctx.projectId);
  const idOf = (version: string) =>
    q.model !== undefined
      ? resolveDimensionFilter(names, { model: q.model, modelVersion: version })
      : resolveDimensionFilter(names, { promptId: q.promptId, promptVersion: Number(version) });
  const ids = [idOf(q.a), idOf(q.b)];
  const owner = q.model !== undefined ? resolveDimensionFilter(names, { model: q.model }) : resolveDimensionFilter(names, { promptId: q.promptId });
  if (!owner) throw new NotFoundError(q.model !== undefined ? `No model "${q.model}"` : `No prompt "${q.promptId}"`);
  const versionCol = q.model !== undefined ? rollup.modelVersionId : rollup.promptVersionId;
  const ownerCond = q.model !== undefined ? eq(rollup.modelId, owner.modelId!) : eq(rollup.promptId, owner.promptId!);
  const versionIds = ids.map((d) => (q.model !== undefined ? d?.modelVersionId : d?.promptVersionId) ?? null);
  const known = versionIds.filter((v): v is number => v !== null);
  const rows = known.length
    ? await ctx.db.orm
        .select({ version: versionCol, resolution: rollup.resolution, lo: min(rollup.bucket), hi: max(rollup.bucket) })
        .from(rollup)
        .where(and(eq(rollup.projectId, ctx.projectId), ownerCond, inArray(versionCol, known), ne(rollup.resolution, RESOLUTIONS.day)))
        .groupBy(versionCol, rollup.resolution)
    : [];
  const seenOf = (versionId: number | null): Seen => {
    if (versionId === null) return null;
    const at = (res: number) => rows.find((r) => Number(r.version) === versionId && Number(r.resolution) === res);
    return seenFromBuckets(at(HOUR), at(MINUTE));
  };
  const a = seenOf(versionIds[0]);
  const b = seenOf(versionIds[1]);
  return { a, b, overlap: overlapOf(a, b) };
}

type Span = { lo: number | string | null; hi: number | string | null } | undefined;

/** First and last instant from the hour buckets, sharpened by minute buckets inside the same end hours. */
export function seenFromBuckets(hour: Span, minute: Span): Seen {
  if (!hour || hour.lo === null || hour.hi === null) return null;
  const hLo = Number(hour.lo);
  const hHi = Number(hour.hi);
  let firstSeen = hLo;
  let lastSeen = hHi + HOUR - 1;
  if (minute && minute.lo !== null && minute.hi !== null) {
    const mLo = Number(minute.lo);
    const mHi = Number(minute.hi);
    if (mLo >= hLo && mLo < hLo + HOUR) firstSeen = mLo;
    if (mHi >= hHi && mHi < hHi + HOUR) lastSeen = mHi + MINUTE - 1;
  }
  return { firstSeen, lastSeen };
}

/** The inclusive range both spans cover, or null when one is missing or they do not meet. */
export function overlapOf(a: Seen, b: Seen): { from: number; to: number } | null {
  if (!a || !b) return null;
  const from = Math.max(a.firstSeen, b.firstSeen);
  const to = Math.min(a.lastSeen, b.lastSeen);
  return from <= to ? { from, to } : null;
}
