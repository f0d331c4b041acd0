import { json } from "@/lib/api/responses";
import { withApi } from "@/lib/api/with-api";
import { readJson } from "@/lib/dashboard/read-json";
import { pathId } from "@/lib/pricing/path-id";
import { updatePriceSchema } from "@/lib/pricing/schemas";
import { deletePrice, updatePrice } from "@/lib/pricing/update-price";

/** PATCH /api/v1/prices/{id} — change a custom price of the project. */
export const PATCH = withApi(
  async (req, ctx) => json({ price: await updatePrice(ctx, { id: pathId(ctx.params.id, "price"), patch: await readJson(req, updatePriceSchema) }) }),
  { permission: "settings:manage" },
);

/** DELETE /api/v1/prices/{id} — remove a custom price (204); its model falls back to the next match. */
export const DELETE = withApi(
  async (_req, ctx) => {
    await deletePrice(ctx, { id: pathId(ctx.params.id, "price") });
    return new Response(null, { status: 204 });
  },
  { permission: "settings:manage" },
);
