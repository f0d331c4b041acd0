import { and, eq } from "drizzle-orm";
import { model, modelLineage, modelVersion } from "@/db/schema";
import { actorLabel, authorize, type ServiceContext } from "@/lib/services/context";
import { toLineageView } from "./get-lineage";
import type { LineageInput, LineageView } from "./lineage-schemas";

/**
 * Records where a model version came from, replacing what was recorded before. The model and
 * version may not have reported telemetry yet (lineage is often written by the training
 * pipeline at registration): then they are created, as an ML model.
 */
export async function setModelLineage(ctx: ServiceContext, input: LineageInput & { model: string; version: string }): Promise<LineageView> {
  authorize(ctx, "models:write");
  const now = ctx.now();
  const row = {
    projectId: ctx.projectId,
    datasetName: input.dataset?.name ?? null,
    datasetVersion: input.dataset?.version ?? null,
    datasetRows: input.dataset?.rows ?? null,
    gitCommit: input.code?.gitCommit ?? null,
    repositoryUrl: input.code?.repositoryUrl ?? null,
    trainingRunUrl: input.trainingRunUrl ?? null,
    parentVersion: input.parentVersion ?? null,
    tags: JSON.stringify(input.tags ?? {}),
    updatedAt: now,
    updatedBy: actorLabel(ctx.actor),
  };
  const saved = await ctx.db.transaction(async (tx) => {
    await tx.orm.insert(model).values({ projectId: ctx.projectId, name: input.model, kind: "ml", createdAt: now }).onConflictDoNothing();
    const [m] = await tx.orm.select({ id: model.id }).from(model).where(and(eq(model.projectId, ctx.projectId), eq(model.name, input.model)));
    await tx.orm.insert(modelVersion).values({ modelId: m.id, version: input.version, createdAt: now }).onConflictDoNothing();
    const [v] = await tx.orm
      .select({ id: modelVersion.id })
      .from(modelVersion)
      .where(and(eq(modelVersion.modelId, m.id), eq(modelVersion.version, input.version)));
    const [out] = await tx.orm
      .insert(modelLineage)
      .values({ modelVersionId: v.id, ...row })
      .onConflictDoUpdate({ target: modelLineage.modelVersionId, set: row })
      .returning();
    return out;
  });
  return toLineageView(input.model, input.version, saved);
}
