import { requireModel, requireVersionId } from "@/lib/models/find-model";
import { attributionDrift, meanAbsAttribution } from "@/lib/quality/attributions";
import { resolveRange } from "@/lib/time/ranges";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { buildDriftReport, columnValues, type NamedFeatureDrift } from "./build-report";
import { computeFeatureDrift, DATASET_DRIFT_SHARE } from "./feature-drift";
import { histogramOverlay } from "./histogram-overlay";
import type { FeatureValue } from "./histogram";
import { readLabelValues } from "./read-labels";
import { readPredictionSample } from "./read-sample";
import { resolveReference } from "./resolve-reference";
import { DEFAULT_SAMPLE_CAP } from "./sample";
import type { DriftQuery, DriftReport, FeatureDriftView } from "./schemas";

/**
 * Drift of a model's current window against its baseline: per feature (Evidently's default
 * methods unless one is asked for), the prediction, the labels, the dataset verdict, and
 * attribution drift. Large windows are sampled uniformly, `sampleSize` rows per side.
 */
export async function getDriftReport(ctx: ServiceContext, q: DriftQuery & { model: string }): Promise<DriftReport> {
  authorize(ctx, "telemetry:read");
  const m = await requireModel(ctx.db, ctx.projectId, q.model);
  const versionId = q.version ? await requireVersionId(ctx.db, m.id, m.name, q.version) : undefined;
  const { from, to } = resolveRange(q, ctx.now());
  const cap = q.sampleSize ?? DEFAULT_SAMPLE_CAP;
  const current = await readPredictionSample(ctx.db, { projectId: ctx.projectId, modelId: m.id, versionId, from, to }, cap);
  const reference = await resolveReference(ctx, m, q, { from, to, versionId }, cap);
  const threshold = q.driftShare ?? DATASET_DRIFT_SHARE;
  const body = buildDriftReport({ rows: reference.rows, total: reference.total }, current, {
    method: q.method,
    threshold: q.threshold,
    driftShareThreshold: threshold,
    perFeature: q.features,
  });
  const withHistogram = (f: NamedFeatureDrift, ref: FeatureValue[], cur: FeatureValue[]): FeatureDriftView => ({
    ...f,
    statistic: Number.isFinite(f.statistic) ? f.statistic : null,
    histogram: histogramOverlay(f.kind, ref, cur),
  });
  const predValues = (rows: readonly { prediction: FeatureValue | null }[]) => rows.flatMap((r) => (r.prediction === null ? [] : [r.prediction]));

  let labelDrift: FeatureDriftView | null = null;
  if (reference.window) {
    const refLabels = await readLabelValues(ctx.db, ctx.projectId, m.id, reference.window.from, reference.window.to, cap);
    const curLabels = await readLabelValues(ctx.db, ctx.projectId, m.id, from, to, cap);
    const d = computeFeatureDrift(refLabels, curLabels, { method: q.method });
    if (d) labelDrift = withHistogram({ ...d, name: "label", sampled: false }, refLabels, curLabels);
  }

  const refAttr = meanAbsAttribution(reference.rows.flatMap((r) => (r.attributions ? [r.attributions] : [])));
  const curAttr = meanAbsAttribution(current.rows.flatMap((r) => (r.attributions ? [r.attributions] : [])));
  return {
    model: m.name,
    reference: reference.info,
    current: { from: new Date(from).toISOString(), to: new Date(to).toISOString(), version: q.version ?? null, count: current.total, sampled: current.rows.length < current.total },
    features: body.features.map((f) => withHistogram(f, columnValues(reference.rows, f.name), columnValues(current.rows, f.name))),
    prediction: body.prediction ? withHistogram(body.prediction, predValues(reference.rows), predValues(current.rows)) : null,
    label: labelDrift,
    driftShare: body.driftShare,
    driftShareThreshold: threshold,
    datasetDrifted: body.datasetDrifted,
    sampleSize: cap,
    attributions: { reference: refAttr, current: curAttr, drift: attributionDrift(refAttr, curAttr) },
  };
}
