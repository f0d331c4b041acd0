import { authorize, type ServiceContext } from "@/lib/services/context";
import { submitIngest } from "@/lib/ingest/writer/ingest-writer";
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
  // The traces whose root attributes may cross exports are queued by the writer in the spans'
  // own transaction (no lookup per span, no second commit on this thread).
  const statuses = valid.length
    ? await submitIngest({ kind: "store", projectId, body: Buffer.from(JSON.stringify(valid)), inheritTraces: prepared.inheritTraces })
    : [];
  return prepared.finish(statuses);
}
