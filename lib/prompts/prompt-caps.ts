import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prompt, promptVersion } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { MAX_PROMPT_VERSIONS_PER_PROJECT, MAX_PROMPTS_PER_PROJECT } from "@/lib/ingest/limits";

/**
 * The per-project caps ingest enforces on names (lib/ingest/limits.ts), for prompts registered
 * through the API: 409 `limit_exceeded` before a new prompt or version would pass its cap.
 */
export async function assertPromptRoom(db: Db, projectId: number, what: "prompt" | "version"): Promise<void> {
  if (what === "prompt") {
    const [{ n }] = await db.orm.select({ n: count() }).from(prompt).where(eq(prompt.projectId, projectId));
    if (n >= MAX_PROMPTS_PER_PROJECT) throw capError("key", `the project already has ${MAX_PROMPTS_PER_PROJECT} prompts, the most it may have`);
    return;
  }
  const [{ n }] = await db.orm
    .select({ n: count() })
    .from(promptVersion)
    .innerJoin(prompt, eq(prompt.id, promptVersion.promptId))
    .where(eq(prompt.projectId, projectId));
  if (n >= MAX_PROMPT_VERSIONS_PER_PROJECT) {
    throw capError("version", `the project already has ${MAX_PROMPT_VERSIONS_PER_PROJECT} prompt versions, the most it may have`);
  }
}

function capError(path: string, message: string): ApiError {
  return new ApiError(409, "limit_exceeded", message, [{ path, message }]);
}
