import { authorize, type ServiceContext } from "@/lib/services/context";
import { submitIngest } from "@/lib/ingest/writer/ingest-writer";
import { enqueueTraceInheritance } from "./inherit-root-attributes";
import { prepareTraces, type TraceIngestResult } from "./prepare-traces";
import type { DecodedBatch } from "./span-model";

/**
 * A decoded OTLP export → stored events → the export's result. Each span stands alone: one the
 * mapping or validation refuses is counted in `rejectedSpans` with its reason, the others are
 * stored, in one transaction. Mapping and validation run here, on the request thread; only the
 * validated events go to the ingest writer, as JSON. So an OTLP export costs the writer — the
 * bottleneck under load — no more than a native batch of the same events does, and decoding
 * the next export overlaps with storing this one (docs/adr/0025).
 */
export async function exportTraces(ctx: ServiceContext, batch: DecodedBatch): Promise<TraceIngestResult> {
  authorize(ctx, "telemetry:write");
  const { projectId } = ctx;
  const prepared = await prepareTraces(ctx.db, projectId, batch);
  const { valid } = prepared.events;
  const statuses = valid.length ? await submitIngest({ kind: "store", projectId, body: Buffer.from(JSON.stringify(valid)) }) : [];
  // After the store, so the job never looks before these spans are visible: one upsert per
  // export for the traces whose root attributes may cross exports (no lookup per span).
  if (valid.length) await enqueueTraceInheritance(ctx.db, projectId, prepared.inheritTraces, ctx.now());
  return prepared.finish(statuses);
}
