import { and, eq } from "drizzle-orm";
import { modelLineage, modelVersion } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { requireModel } from "./find-model";
import type { LineageView } from "./lineage-schemas";

type LineageRow = typeof modelLineage.$inferSelect;

export function toLineageView(modelName: string, version: string, r: LineageRow): LineageView {
  return {
    model: modelName,
    version,
    dataset: r.datasetName === null ? null : { name: r.datasetName, version: r.datasetVersion, rows: r.datasetRows },
    code: { gitCommit: r.gitCommit, repositoryUrl: r.repositoryUrl },
    trainingRunUrl: r.trainingRunUrl,
    parentVersion: r.parentVersion,
    tags: JSON.parse(r.tags) as Record<string, string>,
    updatedAt: new Date(r.updatedAt).toISOString(),
    updatedBy: r.updatedBy,
  };
}

/** The lineage of one version; 404 when the version is unknown or nothing was recorded. */
export async function getModelLineage(ctx: ServiceContext, input: { model: string; version: string }): Promise<LineageView> {
  authorize(ctx, "telemetry:read");
  const m = await requireModel(ctx.db, ctx.projectId, input.model);
  const [row] = await ctx.db.orm
    .select({ lineage: modelLineage })
    .from(modelVersion)
    .innerJoin(modelLineage, eq(modelLineage.modelVersionId, modelVersion.id))
    .where(and(eq(modelVersion.modelId, m.id), eq(modelVersion.version, input.version), eq(modelLineage.projectId, ctx.projectId)));
  if (!row) throw new NotFoundError(`No lineage recorded for ${m.name} version "${input.version}"`);
  return toLineageView(m.name, input.version, row.lineage);
}

/** Every version's lineage of a model (for the model page), keyed by version. */
export async function listModelLineage(ctx: ServiceContext, input: { model: string }): Promise<LineageView[]> {
  authorize(ctx, "telemetry:read");
  const m = await requireModel(ctx.db, ctx.projectId, input.model);
  const rows = await ctx.db.orm
    .select({ version: modelVersion.version, lineage: modelLineage })
    .from(modelVersion)
    .innerJoin(modelLineage, eq(modelLineage.modelVersionId, modelVersion.id))
    .where(and(eq(modelVersion.modelId, m.id), eq(modelLineage.projectId, ctx.projectId)));
  return rows.map((r) => toLineageView(m.name, r.version, r.lineage));
}
