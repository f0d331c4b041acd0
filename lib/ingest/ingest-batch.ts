import { authorize, type ServiceContext } from "@/lib/services/context";
import type { IngestResult } from "./ingest-events";
import { submitIngest } from "./writer/ingest-writer";

/**
 * A native ingest body (authenticated, size-checked, gunzipped by the route) → stored by the
 * ingest writer, which parses, validates and commits it with concurrent batches (ADR 0025).
 * Resolves after the commit: a 2xx means durably stored.
 */
export async function ingestBatch(ctx: ServiceContext, input: { body: Uint8Array }): Promise<IngestResult> {
  authorize(ctx, "telemetry:write");
  return submitIngest({ kind: "events", projectId: ctx.projectId, body: input.body });
}
