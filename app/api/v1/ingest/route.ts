import { withApi } from "@/lib/api/with-api";
import { readBody } from "@/lib/api/read-body";
import { json } from "@/lib/api/responses";
import { MAX_BODY_BYTES } from "@/lib/ingest/event-schema";
import { ingestBatch } from "@/lib/ingest/ingest-batch";

export const POST = withApi(
  async (req, ctx) => {
    const { bytes } = await readBody(req, { accept: ["application/json"], maxBytes: MAX_BODY_BYTES });
    const result = await ingestBatch(ctx, { body: bytes });
    return json(result, result.rejected > 0 ? 207 : 200);
  },
  { permission: "telemetry:write", keysOnly: true },
);
