import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { promptVersion } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { removeLabelsElsewhere } from "./create-prompt-version";
import { getPrompt, requirePromptRow } from "./get-prompt";
import type { PromptVersionView } from "./schemas";

/** Replaces a version's labels (e.g. promote to "production"); the labels leave other versions. */
export function updateVersionLabels(
  db: Db,
  input: { projectId: number; key: string; version: number; labels: string[] },
): PromptVersionView {
  const { projectId, key, version } = input;
  const labels = [...new Set(input.labels)];
  db.sqlite.transaction(() => {
    const p = requirePromptRow(db, projectId, key);
    const row = db.orm
      .select()
      .from(promptVersion)
      .where(and(eq(promptVersion.promptId, p.id), eq(promptVersion.version, version)))
      .get();
    if (!row) throw new NotFoundError(`Version ${version} of prompt "${key}" not found`);
    db.orm.update(promptVersion).set({ labels }).where(eq(promptVersion.id, row.id)).run();
    removeLabelsElsewhere(db, p.id, version, labels);
  })();
  return getPrompt(db, { projectId, key }).versions.find((v) => v.version === version)!;
}
