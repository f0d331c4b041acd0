import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { createPromptVersionSchema } from "@/lib/prompts/schemas";

/**
 * POST /api/v1/prompts/{id}/versions {template, version?, labels?} — 201 for a new version,
 * 200 when it fills in the template of a version that events created; 409 if it has one.
 */
export const POST = withApi(
  async (req, ctx) => {
    const data = await readJson(req, createPromptVersionSchema);
    const { created, version } = await createPromptVersion(ctx, { key: ctx.params.id, data });
    return json({ version }, created ? 201 : 200);
  },
  { permission: "prompts:write" },
);
