import protobuf from "protobufjs";
// The ExportTraceService messages, compiled with protobufjs (pbjs static code) from the official
// opentelemetry-proto definitions by the OpenTelemetry JS maintainers. Pinned: see docs/adr/0004.
import generated from "@opentelemetry/otlp-transformer/build/src/generated/root";

interface MessageType {
  decode(bytes: Uint8Array): unknown;
  encode(message: object): { finish(): Uint8Array };
}

const root = generated as unknown as {
  opentelemetry: { proto: { collector: { trace: { v1: Record<"ExportTraceServiceRequest" | "ExportTraceServiceResponse", MessageType> } } } };
};

export const ExportTraceServiceRequest = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
export const ExportTraceServiceResponse = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/**
 * google.rpc.Status (the OTLP/HTTP error body) and google.rpc.RequestInfo (our request id as a
 * status detail), declared with protobufjs reflection from their published field numbers.
 */
const rpc = protobuf.Root.fromJSON({
  nested: {
    google: {
      nested: {
        protobuf: { nested: { Any: { fields: { type_url: { type: "string", id: 1 }, value: { type: "bytes", id: 2 } } } } },
        rpc: {
          nested: {
            Status: {
              fields: {
                code: { type: "int32", id: 1 },
                message: { type: "string", id: 2 },
                details: { rule: "repeated", type: "google.protobuf.Any", id: 3 },
              },
            },
            RequestInfo: { fields: { request_id: { type: "string", id: 1 }, serving_data: { type: "string", id: 2 } } },
          },
        },
      },
    },
  },
});

export const RpcStatus = rpc.lookupType("google.rpc.Status");
export const RpcRequestInfo = rpc.lookupType("google.rpc.RequestInfo");
export const REQUEST_INFO_TYPE_URL = "type.googleapis.com/google.rpc.RequestInfo";
