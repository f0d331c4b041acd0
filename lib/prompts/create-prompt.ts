import type { Db } from "@/db/client";
import { prompt } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { findPromptRow, readPromptView } from "./get-prompt";
import { assertPromptRoom } from "./prompt-caps";
import type { CreatePromptInput, PromptView } from "./schemas";

/**
 * Registers a prompt; 409 when the key exists. Events also create prompts implicitly (on the
 * ingest writer's own connection), so the existence check alone could race with them: the
 * insert is ON CONFLICT DO NOTHING and an insert that did nothing is the same 409.
 */
export async function createPrompt(ctx: ServiceContext, data: CreatePromptInput): Promise<PromptView> {
  authorize(ctx, "prompts:write");
  if (!(await findPromptRow(ctx.db, ctx.projectId, data.key))) await assertPromptRoom(ctx.db, ctx.projectId, "prompt");
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx.orm
      .insert(prompt)
      .values({ projectId: ctx.projectId, key: data.key, name: data.name ?? null, description: data.description ?? null, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ id: prompt.id });
    if (inserted.length === 0) throw new ConflictError(`Prompt "${data.key}" already exists`);
    await recordAudit({ ...ctx, db: tx }, { action: "prompt.create", target: `prompt:${data.key}`, after: { name: data.name ?? null, description: data.description ?? null } });
  });
  return readPromptView(ctx.db, ctx.projectId, data.key);
}

/** The prompt row for `key`, created when missing (registering a version implies the prompt). */
export async function ensurePromptRow(db: Db, projectId: number, key: string, now: number) {
  await db.orm.insert(prompt).values({ projectId, key, createdAt: now }).onConflictDoNothing();
  return (await findPromptRow(db, projectId, key))!;
}
