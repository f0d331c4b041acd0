import { withApi } from "@/lib/api/with-api";
import { readBody } from "@/lib/api/read-body";
import { decodeTraces, encodingOf, OTLP_JSON, OTLP_PROTOBUF } from "@/lib/otlp/decode";
import { exportTraces } from "@/lib/otlp/export-traces";
import { admitExport, otlpMaxBodyBytes } from "@/lib/otlp/limits";
import { exportResponse, otlpErrorResponse } from "@/lib/otlp/response";

/**
 * OTLP/HTTP trace receiver: `OTEL_EXPORTER_OTLP_ENDPOINT=<base>/api/otlp` points any OTLP
 * exporter here. Protobuf or JSON, optionally gzipped; answers in the request's encoding.
 */
export const POST = withApi(
  (req, ctx) =>
    admitExport(async () => {
      const { mediaType, bytes } = await readBody(req, { accept: [OTLP_PROTOBUF, OTLP_JSON], maxBytes: otlpMaxBodyBytes() });
      const encoding = encodingOf(mediaType);
      return exportResponse(encoding, await exportTraces(ctx, decodeTraces(bytes, encoding)));
    }),
  { permission: "telemetry:write", keysOnly: true, formatError: otlpErrorResponse },
);
