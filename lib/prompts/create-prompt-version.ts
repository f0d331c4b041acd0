import { and, eq, max, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { promptVersion } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { ensurePromptRow } from "./create-prompt";
import { findPromptRow, readPromptView } from "./get-prompt";
import { assertPromptRoom } from "./prompt-caps";
import type { CreatePromptVersionInput, PromptVersionView } from "./schemas";

/**
 * Registers a version's template. A version that events created implicitly (no template yet)
 * gets its template filled in; one that already has a template is immutable (409), so a
 * version number always means the same text. Labels move: a label set here is removed from
 * the prompt's other versions, in the same transaction.
 */
export async function createPromptVersion(
  ctx: ServiceContext,
  input: { key: string; data: CreatePromptVersionInput },
): Promise<{ created: boolean; version: PromptVersionView }> {
  authorize(ctx, "prompts:write");
  const { key, data } = input;
  const now = ctx.now();
  const created = await ctx.db.transaction(async (tx) => {
    if (!(await findPromptRow(tx, ctx.projectId, key))) await assertPromptRoom(tx, ctx.projectId, "prompt");
    const p = await ensurePromptRow(tx, ctx.projectId, key, now);
    const [top] = await tx.orm.select({ v: max(promptVersion.version) }).from(promptVersion).where(eq(promptVersion.promptId, p.id));
    const version = data.version ?? (top?.v ?? 0) + 1;
    const [existing] = await tx.orm
      .select()
      .from(promptVersion)
      .where(and(eq(promptVersion.promptId, p.id), eq(promptVersion.version, version)))
      .limit(1);
    if (existing?.template) throw new ConflictError(`Version ${version} of prompt "${key}" already has a template`);
    if (!existing) await assertPromptRoom(tx, ctx.projectId, "version");
    const labels = [...new Set(data.labels)];
    if (existing) {
      await tx.orm.update(promptVersion).set({ template: data.template, labels }).where(eq(promptVersion.id, existing.id));
    } else {
      await tx.orm.insert(promptVersion).values({ promptId: p.id, version, template: data.template, labels, createdAt: now });
    }
    const moved = await removeLabelsElsewhere(tx, p.id, version, labels);
    await recordAudit({ ...ctx, db: tx }, {
      action: "prompt.version_create", target: `prompt:${key}@v${version}`, after: { template: data.template, labels, labelsMovedFrom: moved },
    });
    return { isNew: !existing, version };
  });
  const view = (await readPromptView(ctx.db, ctx.projectId, key)).versions.find((v) => v.version === created.version)!;
  return { created: created.isNew, version: view };
}

/** Labels are unique within a prompt: take them off every other version. Returns where each label was. */
export async function removeLabelsElsewhere(db: Db, promptId: number, keepVersion: number, labels: string[]): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  if (labels.length === 0) return moved;
  const others = await db.orm
    .select()
    .from(promptVersion)
    .where(and(eq(promptVersion.promptId, promptId), ne(promptVersion.version, keepVersion)));
  for (const o of others) {
    const next = o.labels.filter((l) => !labels.includes(l));
    if (next.length === o.labels.length) continue;
    await db.orm.update(promptVersion).set({ labels: next }).where(eq(promptVersion.id, o.id));
    for (const l of o.labels) if (labels.includes(l)) moved[l] = o.version;
  }
  return moved;
}
