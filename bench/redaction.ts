/**
 * `npx tsx bench/redaction.ts [events]` — CPU per event of the ingest governance step
 * (prompt-injection check + PII redaction, lib/governance/govern-event.ts) for each redaction
 * mode, on LLM events with realistic text: a ~1 KB chat input, a ~400 B output, three ~500 B
 * retrieved chunks and metadata, half of them holding personal data. The load scenario's events
 * carry no text, so the HTTP ingest benchmark would not show this cost; it adds to the writer
 * thread's µs/event there (docs/benchmarks.md).
 */
import { governEvent } from "@/lib/governance/govern-event";
import type { IngestPolicy } from "@/lib/governance/ingest-policy";
import { rng } from "@/lib/seed/random";

const N = Number(process.argv[2] ?? 20_000);
const r = rng(42);
const words = "the order shipping refund account invoice policy delivery customer support answer question product warranty return".split(" ");
const sentence = (n: number) => Array.from({ length: n }, () => r.pick(words)).join(" ");
const PII = ["jane.doe@example.org", "+44 20 7946 0958", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "10.20.30.40", "sk-proj-abcdefghijklmnopqrstuvwx"];

function makeEvent(i: number): Record<string, unknown> {
  const pii = i % 2 === 0 ? ` ${r.pick(PII)} ` : " ";
  return {
    type: "llm",
    input: [
      { role: "system", content: sentence(60) },
      { role: "user", content: sentence(80) + pii + sentence(20) },
    ],
    output: sentence(60) + pii,
    context: [sentence(80), sentence(80) + pii, sentence(80)],
    metadata: { tenant: "acme", request: `req-${i}`, note: sentence(10) },
  };
}

const events = Array.from({ length: N }, (_, i) => makeEvent(i));
const bytes = JSON.stringify(events[0]).length;
const modes: IngestPolicy[] = [{ redaction: { mode: "off" } }, { redaction: { mode: "mask" } }, { redaction: { mode: "hash", hashKey: "bench" } }];
console.log(`${N} LLM events, ~${bytes} bytes of text each, half with personal data`);
for (const policy of modes) {
  for (let round = 0; round < 2; round++) {
    // A fresh copy per round: redaction replaces fields, and each round must see the original text.
    const copies = events.map((e) => structuredClone(e));
    // CPU time of this thread, not wall time: the machine is shared, and waiting is not cost.
    const t0 = process.cpuUsage();
    for (const e of copies) governEvent(e, undefined, policy);
    const used = process.cpuUsage(t0);
    const us = (used.user + used.system) / N;
    if (round === 1) console.log(`${policy.redaction.mode.padEnd(4)}  ${us.toFixed(1)} µs/event`);
  }
}
