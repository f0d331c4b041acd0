import type { Db } from "@/db/client";
import { readRollups, type RollupReadRow } from "@/db/statements/rollup-reads";
import type { DimensionIds } from "./filters";
import { minuteHorizon } from "./retention";
import { coverRange } from "./rollup-segments";

export interface CoveringQuery extends Partial<DimensionIds> {
  projectId: number;
  from: number;
  to: number;
  /** 1 = LLM calls, 2 = predictions, null/undefined = both. */
  kind?: number | null;
  /** Only rows attributed to a prompt. */
  withPrompt?: boolean;
}

/**
 * Every rollup row needed to total [from, to): day buckets in the middle, hours and minutes at
 * the edges (lib/metrics/rollup-segments.ts). All range totals go through here so that the
 * metrics API, the overview and prompt comparisons agree to the event.
 */
export async function readRollupsCovering(db: Db, q: CoveringQuery, now = Date.now()): Promise<RollupReadRow[]> {
  const out: RollupReadRow[] = [];
  for (const seg of coverRange(q.from, q.to, minuteHorizon(now))) {
    out.push(
      ...(await readRollups(db, {
        projectId: q.projectId, resolution: seg.resolution, from: seg.from, to: seg.to, kind: q.kind ?? null,
        modelId: q.modelId ?? null, modelVersionId: q.modelVersionId ?? null, promptId: q.promptId ?? null,
        promptVersionId: q.promptVersionId ?? null, withPrompt: q.withPrompt ? 1 : 0,
      })),
    );
  }
  return out;
}
