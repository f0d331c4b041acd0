import { ValidationError } from "@/lib/api/errors";
import { normaliseRequest } from "./normalise";
import { ExportTraceServiceRequest } from "./proto";
import type { DecodedBatch } from "./span-model";

export const OTLP_PROTOBUF = "application/x-protobuf";
export const OTLP_JSON = "application/json";
export type OtlpEncoding = "protobuf" | "json";

export function encodingOf(mediaType: string): OtlpEncoding {
  return mediaType === OTLP_PROTOBUF ? "protobuf" : "json";
}

/** Request body (already size-checked and gunzipped) → normalised spans; 400 when undecodable. */
export function decodeTraces(bytes: Uint8Array, encoding: OtlpEncoding): DecodedBatch {
  return normaliseRequest(encoding === "protobuf" ? parseProtobuf(bytes) : parseJson(bytes));
}

function parseProtobuf(bytes: Uint8Array): unknown {
  try {
    return ExportTraceServiceRequest.decode(bytes);
  } catch (err) {
    throw new ValidationError("Body is not a valid protobuf ExportTraceServiceRequest", [
      { path: "body", message: (err as Error).message },
    ]);
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  } catch (err) {
    throw new ValidationError("Body is not valid JSON", [{ path: "body", message: (err as Error).message }]);
  }
}
