import type { Db } from "@/db/client";
import { submitIngest } from "@/lib/ingest/writer/ingest-writer";
import { decodeTraces, type OtlpEncoding } from "./decode";
import { prepareTraces, type TraceIngestResult } from "./ingest-traces";

/**
 * An OTLP export body (size-checked, gunzipped) → stored events → the export's result.
 * Decoding and mapping run here, on the request thread; only the validated events go to the
 * ingest writer, as JSON. So an OTLP export costs the writer — the bottleneck under load — no
 * more than a native batch of the same events does, and decoding the next export overlaps with
 * storing this one (docs/adr/0025).
 */
export async function exportTraces(db: Db, projectId: number, body: Uint8Array, encoding: OtlpEncoding): Promise<TraceIngestResult> {
  const prepared = prepareTraces(db, projectId, decodeTraces(body, encoding));
  const { valid } = prepared.events;
  const statuses = valid.length ? await submitIngest({ kind: "store", projectId, body: Buffer.from(JSON.stringify(valid)) }) : [];
  return prepared.finish(statuses);
}
