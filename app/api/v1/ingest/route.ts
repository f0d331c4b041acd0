import { withApi } from "@/lib/api/with-api";
import { readBody } from "@/lib/api/read-body";
import { json } from "@/lib/api/responses";
import { MAX_BODY_BYTES } from "@/lib/ingest/event-schema";
import { submitIngest } from "@/lib/ingest/writer/ingest-writer";

export const POST = withApi(
  async (req, { projectId }) => {
    const { bytes } = await readBody(req, { accept: ["application/json"], maxBytes: MAX_BODY_BYTES });
    const result = await submitIngest({ kind: "events", projectId, body: bytes });
    return json(result, result.rejected > 0 ? 207 : 200);
  },
  { scope: "ingest", keysOnly: true },
);
