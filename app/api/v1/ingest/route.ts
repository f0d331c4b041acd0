import { withApi } from "@/lib/api/with-api";
import { readBody } from "@/lib/api/read-body";
import { json } from "@/lib/api/responses";
import { MAX_BODY_BYTES } from "@/lib/ingest/event-schema";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { parseBatch } from "@/lib/ingest/parse-batch";

export const POST = withApi(
  async (req, { db, projectId }) => {
    const { bytes } = await readBody(req, { accept: ["application/json"], maxBytes: MAX_BODY_BYTES });
    const result = ingestEvents(db, projectId, parseBatch(bytes));
    return json(result, result.rejected > 0 ? 207 : 200);
  },
  { scope: "ingest", keysOnly: true },
);
