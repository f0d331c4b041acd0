import { asc, eq, isNull, or } from "drizzle-orm";
import { price } from "@/db/schema";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { DEFAULT_PRICES } from "./default-prices";
import { defaultPriceView, storedPriceView } from "./price-view";
import type { PriceView } from "./schemas";

/** The price book as it applies to this project: its own prices, instance-wide ones, then the shipped defaults. */
export async function listPrices(ctx: ServiceContext): Promise<{ data: PriceView[] }> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm
    .select()
    .from(price)
    .where(or(eq(price.projectId, ctx.projectId), isNull(price.projectId)))
    .orderBy(asc(price.model), asc(price.effectiveFrom), asc(price.id));
  return { data: [...rows.map(storedPriceView), ...DEFAULT_PRICES.map(defaultPriceView)] };
}
