import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prompt, promptVersion } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import type { PromptVersionView, PromptView } from "./schemas";

export function findPromptRow(db: Db, projectId: number, key: string) {
  return db.orm.select().from(prompt).where(and(eq(prompt.projectId, projectId), eq(prompt.key, key))).get();
}

export function requirePromptRow(db: Db, projectId: number, key: string) {
  const row = findPromptRow(db, projectId, key);
  if (!row) throw new NotFoundError(`Prompt "${key}" not found`);
  return row;
}

/** A prompt with every version (newest first), its template and labels incl. the derived "latest". */
export function getPrompt(db: Db, input: { projectId: number; key: string }): PromptView {
  const p = requirePromptRow(db, input.projectId, input.key);
  const versions = db.orm.select().from(promptVersion).where(eq(promptVersion.promptId, p.id)).orderBy(desc(promptVersion.version)).all();
  return {
    key: p.key,
    name: p.name,
    description: p.description,
    createdAt: new Date(p.createdAt).toISOString(),
    versions: versions.map((v, i): PromptVersionView => ({
      version: v.version,
      template: v.template,
      labels: i === 0 ? [...v.labels, "latest"] : v.labels,
      createdAt: new Date(v.createdAt).toISOString(),
    })),
  };
}

export interface PromptSummary {
  key: string;
  name: string | null;
  versionCount: number;
  latestVersion: number | null;
  productionVersion: number | null;
}

export function listPrompts(db: Db, input: { projectId: number }): PromptSummary[] {
  const rows = db.orm
    .select({ id: prompt.id, key: prompt.key, name: prompt.name, version: promptVersion.version, labels: promptVersion.labels })
    .from(prompt)
    .leftJoin(promptVersion, eq(promptVersion.promptId, prompt.id))
    .where(eq(prompt.projectId, input.projectId))
    .orderBy(asc(prompt.key), asc(promptVersion.version))
    .all();
  const out = new Map<string, PromptSummary>();
  for (const r of rows) {
    const s = out.get(r.key) ?? { key: r.key, name: r.name, versionCount: 0, latestVersion: null, productionVersion: null };
    out.set(r.key, s);
    if (r.version === null) continue;
    s.versionCount++;
    s.latestVersion = r.version;
    if (r.labels?.includes("production")) s.productionVersion = r.version;
  }
  return [...out.values()];
}
