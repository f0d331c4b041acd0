import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { listPrompts } from "@/lib/prompts/get-prompt";
import { createPromptSchema } from "@/lib/prompts/schemas";

/** GET /api/v1/prompts — registered prompts with version counts and the production version. */
export const GET = withApi(async (_req, ctx) => json({ prompts: await listPrompts(ctx) }), { permission: "telemetry:read" });

/** POST /api/v1/prompts {key, name?, description?} — 201, or 409 when the key exists. */
export const POST = withApi(
  async (req, ctx) => json({ prompt: await createPrompt(ctx, await readJson(req, createPromptSchema)) }, 201),
  { permission: "prompts:write" },
);
