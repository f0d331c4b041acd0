import type { NextRequest } from "next/server";
import type { ApiError } from "@/lib/api/errors";
import { mediaTypeOf } from "@/lib/api/read-body";
import { errorResponse } from "@/lib/api/responses";
import { OTLP_JSON, OTLP_PROTOBUF, type OtlpEncoding } from "./decode";
import type { TraceIngestResult } from "./prepare-traces";
import { ExportTraceServiceResponse, REQUEST_INFO_TYPE_URL, RpcRequestInfo, RpcStatus } from "./proto";

/**
 * 200 with an ExportTraceServiceResponse in the request's encoding; `partialSuccess` only when
 * spans were rejected (an empty response means all were accepted, per the OTLP spec).
 */
export function exportResponse(encoding: OtlpEncoding, result: TraceIngestResult): Response {
  const partialSuccess = result.rejectedSpans > 0 ? { rejectedSpans: result.rejectedSpans, errorMessage: result.errorMessage ?? "" } : undefined;
  if (encoding === "protobuf") {
    const bytes = ExportTraceServiceResponse.encode(partialSuccess ? { partialSuccess } : {}).finish();
    return new Response(Buffer.from(bytes), { status: 200, headers: { "content-type": OTLP_PROTOBUF } });
  }
  return new Response(JSON.stringify(partialSuccess ? { partialSuccess } : {}), {
    status: 200,
    headers: { "content-type": OTLP_JSON },
  });
}

/** HTTP status → google.rpc.Code for the Status body. */
const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 8, 415: 3, 429: 8, 500: 13, 503: 14 };

/**
 * Errors for protobuf clients are a protobuf google.rpc.Status (with the request id as a
 * google.rpc.RequestInfo detail); JSON clients get Sightline's usual JSON error body. Headers
 * such as Retry-After travel either way.
 */
export function otlpErrorResponse(err: ApiError, requestId: string, req: NextRequest): Response {
  if (mediaTypeOf(req) !== OTLP_PROTOBUF) return errorResponse(err, requestId);
  const detail = RpcRequestInfo.encode(RpcRequestInfo.create({ request_id: requestId })).finish();
  const status = RpcStatus.create({
    code: GRPC_CODE[err.status] ?? 2,
    message: err.details?.length ? `${err.message} (${err.details.map((d) => `${d.path}: ${d.message}`).join("; ")})` : err.message,
    details: [{ type_url: REQUEST_INFO_TYPE_URL, value: detail }],
  });
  return new Response(Buffer.from(RpcStatus.encode(status).finish()), {
    status: err.status,
    headers: { "content-type": OTLP_PROTOBUF, "x-request-id": requestId, ...err.headers },
  });
}
