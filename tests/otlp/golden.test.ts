import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeTraces } from "@/lib/otlp/decode";
import { mapSpan } from "@/lib/otlp/map/map-span";
import { ingestEventSchema } from "@/lib/ingest/event-schema";
import { FIXTURES, fixtureNames, jsonToProtobuf, loadFixture } from "./helpers";

/**
 * Golden fixtures, one per attribute family: tests/otlp/fixtures/<name>.otlp.json is an export
 * as the instrumentation sends it; <name>.expected.json is what Sightline makes of each span
 * (the native event and its `otel` provenance). Regenerate after a deliberate mapping change
 * with `UPDATE_GOLDEN=1 npx vitest run tests/otlp/golden.test.ts` and review the diff.
 */
const names = fixtureNames();

describe("golden OTLP fixtures", () => {
  it("covers every attribute family", async () => {
    expect(names).toEqual(
      expect.arrayContaining(["gen-ai-current", "gen-ai-legacy", "gen-ai-events", "openinference", "openllmetry", "vercel-ai", "langfuse", "common-sightline"]),
    );
  });

  for (const name of names) {
    describe(name, () => {
      const request = loadFixture(name);
      const fromJson = decodeTraces(Buffer.from(JSON.stringify(request)), "json");
      const mapped = fromJson.spans.map(mapSpan);

      it("decodes every span", async () => {
        expect(fromJson.rejected).toEqual([]);
        expect(fromJson.spans.length).toBe(fromJson.total);
      });

      it("maps to the expected events and provenance", async () => {
        const file = path.join(FIXTURES, `${name}.expected.json`);
        if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(file, `${JSON.stringify(mapped, null, 2)}\n`);
        expect(mapped).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
      });

      it("reads the same from protobuf as from JSON", async () => {
        const fromProtobuf = decodeTraces(jsonToProtobuf(request), "protobuf");
        expect(fromProtobuf.spans.map(mapSpan)).toEqual(mapped);
      });

      it("produces events the native schema accepts", async () => {
        for (const { event } of mapped) expect(ingestEventSchema.safeParse(event).error).toBeUndefined();
      });

      it("never drops an attribute: each is mapped or unmapped", async () => {
        for (const [i, span] of fromJson.spans.entries()) {
          const { mapped: m, unmapped } = mapped[i].extra.otel;
          const sources = Object.values(m).join(" ");
          for (const key of Object.keys(span.attributes)) {
            const used = key in unmapped || sources.includes(key) || coveredByPattern(key, sources);
            expect(used, `${name}: ${key}`).toBe(true);
          }
        }
      });
    });
  }
});

/** `gen_ai.prompt.0.content` is shown as `gen_ai.prompt.*`. */
function coveredByPattern(key: string, sources: string) {
  return sources.split(/[ +−]+/).some((s) => s.endsWith(".*") && key.startsWith(s.slice(0, -1)));
}
