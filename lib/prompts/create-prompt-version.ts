import { and, eq, max, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { promptVersion } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { ensurePromptRow } from "./create-prompt";
import type { CreatePromptVersionInput, PromptVersionView } from "./schemas";
import { getPrompt } from "./get-prompt";

/**
 * Registers a version's template. A version that events created implicitly (no template yet)
 * gets its template filled in; one that already has a template is immutable (409), so a
 * version number always means the same text. Labels move: a label set here is removed from
 * the prompt's other versions, in the same transaction.
 */
export function createPromptVersion(
  db: Db,
  input: { projectId: number; key: string; data: CreatePromptVersionInput },
): { created: boolean; version: PromptVersionView } {
  const { projectId, key, data } = input;
  const created = db.sqlite.transaction(() => {
    const p = ensurePromptRow(db, projectId, key);
    const version =
      data.version ??
      (db.orm.select({ v: max(promptVersion.version) }).from(promptVersion).where(eq(promptVersion.promptId, p.id)).get()?.v ?? 0) + 1;
    const existing = db.orm
      .select()
      .from(promptVersion)
      .where(and(eq(promptVersion.promptId, p.id), eq(promptVersion.version, version)))
      .get();
    if (existing?.template) throw new ConflictError(`Version ${version} of prompt "${key}" already has a template`);
    const labels = [...new Set(data.labels)];
    if (existing) {
      db.orm.update(promptVersion).set({ template: data.template, labels }).where(eq(promptVersion.id, existing.id)).run();
    } else {
      db.orm.insert(promptVersion).values({ promptId: p.id, version, template: data.template, labels, createdAt: Date.now() }).run();
    }
    removeLabelsElsewhere(db, p.id, version, labels);
    return { isNew: !existing, version };
  })();
  const view = getPrompt(db, { projectId, key }).versions.find((v) => v.version === created.version)!;
  return { created: created.isNew, version: view };
}

/** Labels are unique within a prompt: take them off every other version. */
export function removeLabelsElsewhere(db: Db, promptId: number, keepVersion: number, labels: string[]): void {
  if (labels.length === 0) return;
  const others = db.orm
    .select()
    .from(promptVersion)
    .where(and(eq(promptVersion.promptId, promptId), ne(promptVersion.version, keepVersion)))
    .all();
  for (const o of others) {
    const next = o.labels.filter((l) => !labels.includes(l));
    if (next.length !== o.labels.length) db.orm.update(promptVersion).set({ labels: next }).where(eq(promptVersion.id, o.id)).run();
  }
}
