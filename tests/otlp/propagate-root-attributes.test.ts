import { describe, expect, it } from "vitest";
import { decodeTraces } from "@/lib/otlp/decode";
import { mapSpan } from "@/lib/otlp/map/map-span";
import { propagateRootAttributes } from "@/lib/otlp/propagate-root-attributes";
import { jsonRequest, jsonSpan } from "./helpers";

/** Decode a JSON export, map every span and propagate, as prepareTraces does. */
function run(spans: ReturnType<typeof jsonSpan>[]) {
  const decoded = decodeTraces(Buffer.from(JSON.stringify(jsonRequest(spans))), "json").spans;
  const mapped = decoded.map(mapSpan);
  propagateRootAttributes(mapped, decoded.map((s) => ({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? null })));
  return mapped;
}

const TRACE = "0af7651916cd43dd8448eb211c80319c";

describe("propagateRootAttributes", () => {
  it("gives descendants the root's user, session, environment and tags, and says where they came from", () => {
    const root = jsonSpan({ "user.id": "u-42", "session.id": "s-7", "langfuse.environment": "staging", "langfuse.trace.tags": '["beta","eu"]' }, { traceId: TRACE, spanId: "00000000000000a1" });
    const llm = jsonSpan({ "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o" }, { traceId: TRACE, spanId: "00000000000000b2", parentSpanId: "00000000000000a1" });
    const [r, child] = run([root, llm]);
    expect(r.event).toMatchObject({ userId: "u-42", sessionId: "s-7" });
    expect(child.event).toMatchObject({ type: "llm", userId: "u-42", sessionId: "s-7", environment: "staging", tags: ["beta", "eu"] });
    expect(child.extra.otel.mapped.userId).toBe("root span 00000000000000a1");
  });

  it("never overwrites a value the span set itself", () => {
    const root = jsonSpan({ "user.id": "u-root" }, { traceId: TRACE, spanId: "00000000000000a1" });
    const child = jsonSpan({ "user.id": "u-child" }, { traceId: TRACE, spanId: "00000000000000b2", parentSpanId: "00000000000000a1" });
    const [, c] = run([root, child]);
    expect(c.event.userId).toBe("u-child");
    expect(c.extra.otel.mapped.userId).toBe("user.id");
  });

  it("leaves other traces alone, and traces with two parentless spans", () => {
    const root = jsonSpan({ "user.id": "u-1" }, { traceId: TRACE, spanId: "00000000000000a1" });
    const other = jsonSpan({}, { traceId: "1af7651916cd43dd8448eb211c80319c", spanId: "00000000000000c3", parentSpanId: "00000000000000ff" });
    expect(run([root, other])[1].event.userId).toBeUndefined();

    const second = jsonSpan({ "user.id": "u-2" }, { traceId: TRACE, spanId: "00000000000000a2" });
    const child = jsonSpan({}, { traceId: TRACE, spanId: "00000000000000b2", parentSpanId: "00000000000000a1" });
    expect(run([root, second, child])[2].event.userId).toBeUndefined();
  });
});
