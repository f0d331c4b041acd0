import type { IngestEvent } from "@/lib/ingest/event-schema";
import { loadEvent } from "./load-events";
import type { Rng } from "./random";

/**
 * The shape real clients send (issue 10): a UUIDv4 event id, a random 128-bit W3C trace id on
 * every event, user and session ids, and 0.5–1 KB of input/output text on LLM calls. Events are
 * the load scenario's (same models, prompts, latencies, tokens) with those fields added, so the
 * old shape and this one differ only in what makes inserts scatter in the indexes.
 */
const WORDS = (
  "the a to of and in is for on with that how what can you please my account order reset password billing invoice plan " +
  "upgrade refund error timeout model prompt answer question help support settings security email update delivery status"
).split(" ");

function text(r: Rng, chars: number): string {
  let s = "";
  while (s.length < chars) s += `${r.pick(WORDS)} `;
  return s.slice(0, chars);
}

export function realTrafficEvent(r: Rng, id: string, traceId: string, ts: number): IngestEvent {
  const e = loadEvent(r, id, ts) as IngestEvent & Record<string, unknown>;
  e.traceId = traceId;
  e.userId ??= `user-${r.int(1, 5000)}`;
  e.sessionId = `sess-${r.int(1, 50_000)}`;
  if (e.type === "llm") {
    const total = r.int(500, 1000);
    const input = Math.round(total * 0.6);
    e.input = text(r, input);
    e.output = text(r, total - input);
  }
  return e;
}
