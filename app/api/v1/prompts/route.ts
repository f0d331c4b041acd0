import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { listPrompts } from "@/lib/prompts/get-prompt";
import { createPromptSchema } from "@/lib/prompts/schemas";

/** GET /api/v1/prompts — registered prompts with version counts and the production version. */
export const GET = withApi((_req, { db, projectId }) => json({ prompts: listPrompts(db, { projectId }) }), { scope: "read" });

/** POST /api/v1/prompts {key, name?, description?} — 201, or 409 when the key exists. */
export const POST = withApi(
  async (req, { db, projectId }) => {
    const data = await readJson(req, createPromptSchema);
    return json({ prompt: createPrompt(db, { projectId, data }) }, 201);
  },
  { scope: "ingest" },
);
