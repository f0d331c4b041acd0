import { withApi } from "@/lib/api/with-api";
import { pathId } from "@/lib/pricing/path-id";
import { deleteBudget } from "@/lib/spend/budgets";

/** DELETE /api/v1/budgets/{id} — 204. */
export const DELETE = withApi(
  async (_req, ctx) => {
    await deleteBudget(ctx, { id: pathId(ctx.params.id, "budget") });
    return new Response(null, { status: 204 });
  },
  { permission: "settings:manage" },
);
