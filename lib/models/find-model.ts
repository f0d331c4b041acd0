import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { model, modelVersion } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";

export async function requireModel(db: Db, projectId: number, name: string) {
  const [row] = await db.orm.select().from(model).where(and(eq(model.projectId, projectId), eq(model.name, name))).limit(1);
  if (!row) throw new NotFoundError(`Model "${name}" not found`);
  return row;
}

/** The id of a model's version by its name; 404 naming it when the model never reported it. */
export async function requireVersionId(db: Db, modelId: number, modelName: string, version: string): Promise<number> {
  const [row] = await db.orm
    .select({ id: modelVersion.id })
    .from(modelVersion)
    .where(and(eq(modelVersion.modelId, modelId), eq(modelVersion.version, version)))
    .limit(1);
  if (!row) throw new NotFoundError(`Model "${modelName}" has no version "${version}"`);
  return row.id;
}

/** Version names by id for one model. */
export async function versionNames(db: Db, modelId: number): Promise<Map<number, string>> {
  const rows = await db.orm.select({ id: modelVersion.id, version: modelVersion.version }).from(modelVersion).where(eq(modelVersion.modelId, modelId));
  return new Map(rows.map((r) => [r.id, r.version]));
}
