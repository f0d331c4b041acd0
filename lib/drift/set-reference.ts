import { and, eq } from "drizzle-orm";
import { driftReference, modelVersion, referenceRow } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import { requireModel, requireVersionId } from "@/lib/models/find-model";
import { actorLabel, authorize, type ServiceContext } from "@/lib/services/context";
import type { ReferenceView, SetReferenceInput } from "./schemas";

/** Rows inserted per statement: SQLite's bound-parameter limit is 32,766 (4 columns here). */
const INSERT_CHUNK = 2000;

/**
 * Sets the drift baseline of a model (or of one of its versions), replacing the previous one.
 * A dataset's rows are stored with it; window and version baselines are read live.
 */
export async function setDriftReference(ctx: ServiceContext, input: SetReferenceInput & { model: string }): Promise<ReferenceView> {
  authorize(ctx, "models:write");
  const m = await requireModel(ctx.db, ctx.projectId, input.model);
  const versionId = input.version ? await requireVersionId(ctx.db, m.id, m.name, input.version) : 0;
  let sourceVersionId: number | null = null;
  if (input.kind === "version") sourceVersionId = await requireVersionId(ctx.db, m.id, m.name, input.sourceVersion);
  if (input.kind === "window" && !(input.from < input.to)) {
    throw new ValidationError("from must be before to", [{ path: "from", message: "must be before to" }]);
  }
  const now = ctx.now();
  const createdBy = actorLabel(ctx.actor);
  const values = {
    projectId: ctx.projectId,
    modelId: m.id,
    modelVersionId: versionId,
    kind: input.kind,
    fromTs: input.kind === "window" ? input.from : null,
    toTs: input.kind === "window" ? input.to : null,
    sourceVersionId,
    datasetName: input.kind === "dataset" ? input.name : null,
    rowCount: input.kind === "dataset" ? input.rows.length : null,
    createdAt: now,
    createdBy,
  };
  const rows =
    input.kind === "dataset"
      ? input.rows.map((r) => ({
          features: JSON.stringify(r.features),
          predictionNum: typeof r.prediction === "number" ? r.prediction : null,
          predictionText: typeof r.prediction === "string" ? r.prediction : null,
        }))
      : [];
  await ctx.db.transaction(async (tx) => {
    // Replacing deletes the old baseline's rows through the foreign key's cascade.
    await tx.orm
      .delete(driftReference)
      .where(and(eq(driftReference.projectId, ctx.projectId), eq(driftReference.modelId, m.id), eq(driftReference.modelVersionId, versionId)));
    const [ref] = await tx.orm.insert(driftReference).values(values).returning({ id: driftReference.id });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx.orm.insert(referenceRow).values(rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, referenceId: ref.id })));
    }
  });
  return {
    model: m.name,
    version: input.version ?? null,
    kind: input.kind,
    from: values.fromTs === null ? null : new Date(values.fromTs).toISOString(),
    to: values.toTs === null ? null : new Date(values.toTs).toISOString(),
    sourceVersion: input.kind === "version" ? input.sourceVersion : null,
    datasetName: values.datasetName,
    rowCount: values.rowCount,
    createdAt: new Date(now).toISOString(),
    createdBy,
  };
}

/** The stored baseline for a model version, falling back to the model's own; undefined when none. */
export async function findStoredReference(ctx: ServiceContext, modelId: number, versionId: number | undefined) {
  const rows = await ctx.db.orm
    .select({ ref: driftReference, sourceVersion: modelVersion.version })
    .from(driftReference)
    .leftJoin(modelVersion, eq(modelVersion.id, driftReference.sourceVersionId))
    .where(and(eq(driftReference.projectId, ctx.projectId), eq(driftReference.modelId, modelId)));
  return rows.find((r) => versionId !== undefined && r.ref.modelVersionId === versionId) ?? rows.find((r) => r.ref.modelVersionId === 0);
}
