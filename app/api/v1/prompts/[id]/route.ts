import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { getPrompt } from "@/lib/prompts/get-prompt";

/** GET /api/v1/prompts/{id} — the prompt with every version's template and labels. */
export const GET = withApi(async (_req, ctx) => json({ prompt: await getPrompt(ctx, { key: ctx.params.id }) }), {
  permission: "telemetry:read",
});
