import { and, eq } from "drizzle-orm";
import { promptVersion } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { removeLabelsElsewhere } from "./create-prompt-version";
import { readPromptView, requirePromptRow } from "./get-prompt";
import type { PromptVersionView } from "./schemas";

/** Replaces a version's labels (e.g. promote to "production"); the labels leave other versions. */
export async function updateVersionLabels(
  ctx: ServiceContext,
  input: { key: string; version: number; labels: string[] },
): Promise<PromptVersionView> {
  authorize(ctx, "prompts:write");
  const { key, version } = input;
  const labels = [...new Set(input.labels)];
  await ctx.db.transaction(async (tx) => {
    const p = await requirePromptRow(tx, ctx.projectId, key);
    const [row] = await tx.orm
      .select()
      .from(promptVersion)
      .where(and(eq(promptVersion.promptId, p.id), eq(promptVersion.version, version)))
      .limit(1);
    if (!row) throw new NotFoundError(`Version ${version} of prompt "${key}" not found`);
    await tx.orm.update(promptVersion).set({ labels }).where(eq(promptVersion.id, row.id));
    const moved = await removeLabelsElsewhere(tx, p.id, version, labels);
    await recordAudit({ ...ctx, db: tx }, {
      action: "prompt.label", target: `prompt:${key}@v${version}`, before: { labels: row.labels, elsewhere: moved }, after: { labels },
    });
  });
  return (await readPromptView(ctx.db, ctx.projectId, key)).versions.find((v) => v.version === version)!;
}
