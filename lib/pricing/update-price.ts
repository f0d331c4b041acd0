import { and, eq } from "drizzle-orm";
import { price } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { storedPriceView } from "./price-view";
import type { PriceView, UpdatePriceInput } from "./schemas";

/** The project's own price `id`, or 404 (shipped defaults and other projects' prices are not editable here). */
async function ownPrice(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.orm.select().from(price).where(and(eq(price.id, id), eq(price.projectId, ctx.projectId)));
  if (!row) throw new NotFoundError(`No price ${id} in this project`);
  return row;
}

/**
 * Changes a custom price in place. To change a price from a date on while keeping history at
 * the old one, add a new price with a later `effectiveFrom` instead (docs/pricing.md).
 */
export async function updatePrice(ctx: ServiceContext, input: { id: number; patch: UpdatePriceInput }): Promise<PriceView> {
  authorize(ctx, "settings:manage");
  const current = await ownPrice(ctx, input.id);
  const { tiers, ...rest } = input.patch;
  const model = rest.model ?? current.model;
  if ((rest.match ?? current.match) === "regex") {
    try {
      new RegExp(`^(?:${model})$`, "i");
    } catch (err) {
      throw new ValidationError("Invalid price", [{ path: "model", message: `is not a valid regular expression: ${(err as Error).message}` }]);
    }
  }
  const [row] = await ctx.db.orm
    .update(price)
    .set({ ...rest, ...(tiers !== undefined ? { tiers: JSON.stringify(tiers) } : {}), updatedAt: Math.max(ctx.now(), current.updatedAt + 1) })
    .where(eq(price.id, current.id))
    .returning();
  return storedPriceView(row);
}

export async function deletePrice(ctx: ServiceContext, input: { id: number }): Promise<void> {
  authorize(ctx, "settings:manage");
  const current = await ownPrice(ctx, input.id);
  await ctx.db.orm.delete(price).where(eq(price.id, current.id));
}
