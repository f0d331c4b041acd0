import { and, eq, gte, inArray, lte } from "drizzle-orm";
import { event, reviewItem, reviewQueue } from "@/db/schema";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { consensusLabel } from "./consensus";
import { currentVerdicts, verdictsOf } from "./load-verdicts";
import { hallucinationField } from "./rubric";

export interface HumanHallucinationRate {
  model: string | null;
  modelVersion: string | null;
  promptId: string | null;
  promptVersion: number | null;
  /** Events with a human hallucination label (adjudicated or unanimous). */
  reviewed: number;
  /** Of those, labelled hallucinations. */
  confirmed: number;
  rate: number | null;
  /** Of the reviewed events, the share the detector flagged (its rate on the same sample). */
  detectorRate: number | null;
}

export interface HallucinationRateQuery {
  model?: string;
  promptId?: string;
  /** Event time bounds, ms. */
  from?: number;
  to?: number;
}

const CHUNK = 500;

/**
 * Human-confirmed hallucination rate per model, model version, prompt and prompt version, for the
 * overview, model and prompt pages to show beside the detector's rate. Counts each event once
 * across queues (an adjudicated label wins over a unanimous one). The detector's rate is taken on
 * the same reviewed events, so the two numbers compare like with like.
 */
export async function humanHallucinationRates(ctx: ServiceContext, q: HallucinationRateQuery = {}): Promise<HumanHallucinationRate[]> {
  authorize(ctx, "telemetry:read");
  const queues = await ctx.db.orm.select().from(reviewQueue).where(eq(reviewQueue.projectId, ctx.projectId));
  const label = new Map<number, { value: boolean; adjudicated: boolean }>();
  for (const queue of queues) {
    const field = hallucinationField(queue.rubric);
    if (!field) continue;
    const items = await ctx.db.orm.select().from(reviewItem).where(and(eq(reviewItem.queueId, queue.id), eq(reviewItem.isGold, false)));
    const current = currentVerdicts((await verdictsOf(ctx.db, items.map((i) => i.id))).filter((v) => !v.gold));
    for (const item of items) {
      const values = consensusLabel(queue.rubric, (current.get(item.id) ?? []).map((v) => v.values), item.finalValues ?? null);
      const v = values?.[field.key];
      if (typeof v !== "boolean") continue;
      const adjudicated = item.finalValues !== null;
      const prev = label.get(item.eventId);
      if (!prev || (adjudicated && !prev.adjudicated)) label.set(item.eventId, { value: v, adjudicated });
    }
  }
  const names = await loadDimensionNames(ctx.db, ctx.projectId);
  const groups = new Map<string, HumanHallucinationRate & { flagged: number; scored: number }>();
  const keys = [...label.keys()];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await ctx.db.orm.select({
      id: event.id, modelId: event.modelId, modelVersionId: event.modelVersionId, promptId: event.promptId,
      promptVersionId: event.promptVersionId, flagged: event.flagged,
    }).from(event).where(and(
      eq(event.projectId, ctx.projectId), inArray(event.id, keys.slice(i, i + CHUNK)),
      q.from === undefined ? undefined : gte(event.ts, q.from), q.to === undefined ? undefined : lte(event.ts, q.to),
    ));
    for (const r of rows) {
      const g = {
        model: r.modelId === null ? null : names.models.get(r.modelId)?.name ?? null,
        modelVersion: r.modelVersionId === null ? null : names.modelVersions.get(r.modelVersionId) ?? null,
        promptId: r.promptId === null ? null : names.prompts.get(r.promptId) ?? null,
        promptVersion: r.promptVersionId === null ? null : names.promptVersions.get(r.promptVersionId) ?? null,
      };
      if (q.model !== undefined && g.model !== q.model) continue;
      if (q.promptId !== undefined && g.promptId !== q.promptId) continue;
      const k = JSON.stringify(g);
      const acc = groups.get(k) ?? { ...g, reviewed: 0, confirmed: 0, rate: null, detectorRate: null, flagged: 0, scored: 0 };
      acc.reviewed++;
      if (label.get(r.id)!.value) acc.confirmed++;
      if (r.flagged !== null) { acc.scored++; if (r.flagged === 1) acc.flagged++; }
      groups.set(k, acc);
    }
  }
  return [...groups.values()]
    .map(({ flagged, scored, ...g }) => ({ ...g, rate: g.confirmed / g.reviewed, detectorRate: scored > 0 ? flagged / scored : null }))
    .sort((a, b) => b.reviewed - a.reviewed);
}
