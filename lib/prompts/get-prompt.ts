import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prompt, promptVersion } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import type { PromptSummary, PromptVersionView, PromptView } from "./schemas";

export async function findPromptRow(db: Db, projectId: number, key: string) {
  const [row] = await db.orm.select().from(prompt).where(and(eq(prompt.projectId, projectId), eq(prompt.key, key))).limit(1);
  return row;
}

export async function requirePromptRow(db: Db, projectId: number, key: string) {
  const row = await findPromptRow(db, projectId, key);
  if (!row) throw new NotFoundError(`Prompt "${key}" not found`);
  return row;
}

/** A prompt with every version (newest first), its template and labels incl. the derived "latest". */
export async function getPrompt(ctx: ServiceContext, input: { key: string }): Promise<PromptView> {
  authorize(ctx, "telemetry:read");
  return readPromptView(ctx.db, ctx.projectId, input.key);
}

/** The view without a permission check: for services that already checked theirs (writes answer with it). */
export async function readPromptView(db: Db, projectId: number, key: string): Promise<PromptView> {
  const p = await requirePromptRow(db, projectId, key);
  const versions = await db.orm.select().from(promptVersion).where(eq(promptVersion.promptId, p.id)).orderBy(desc(promptVersion.version));
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

export async function listPrompts(ctx: ServiceContext): Promise<PromptSummary[]> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm
    .select({ id: prompt.id, key: prompt.key, name: prompt.name, version: promptVersion.version, labels: promptVersion.labels })
    .from(prompt)
    .leftJoin(promptVersion, eq(promptVersion.promptId, prompt.id))
    .where(eq(prompt.projectId, ctx.projectId))
    .orderBy(asc(prompt.key), asc(promptVersion.version));
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
