import { price } from "@/db/schema";
import { actorLabel, authorize, type ServiceContext } from "@/lib/services/context";
import { storedPriceView } from "./price-view";
import type { CreatePriceInput, PriceView } from "./schemas";

/**
 * Adds a custom price for the project. It applies to every event ingested after it (each
 * connection notices the changed price table before its next batch, lib/pricing/price-book.ts)
 * whose timestamp is on or after `effectiveFrom`; stored events change only when re-priced.
 */
export async function createPrice(ctx: ServiceContext, input: CreatePriceInput): Promise<PriceView> {
  authorize(ctx, "settings:manage");
  const now = ctx.now();
  const [row] = await ctx.db.orm
    .insert(price)
    .values({
      projectId: ctx.projectId, model: input.model, match: input.match, provider: input.provider ?? null,
      inputPerMTok: input.inputPerMTok, outputPerMTok: input.outputPerMTok, cacheReadPerMTok: input.cacheReadPerMTok ?? null,
      cacheWritePerMTok: input.cacheWritePerMTok ?? null, cacheWrite1hPerMTok: input.cacheWrite1hPerMTok ?? null,
      reasoningPerMTok: input.reasoningPerMTok ?? null, audioInputPerMTok: input.audioInputPerMTok ?? null,
      audioOutputPerMTok: input.audioOutputPerMTok ?? null, imageInputPerMTok: input.imageInputPerMTok ?? null,
      imageOutputPerMTok: input.imageOutputPerMTok ?? null, tiers: JSON.stringify(input.tiers), effectiveFrom: input.effectiveFrom ?? 0,
      createdBy: actorLabel(ctx.actor), createdAt: now, updatedAt: now,
    })
    .returning();
  return storedPriceView(row);
}
