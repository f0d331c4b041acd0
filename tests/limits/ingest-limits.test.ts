import { sqliteOf } from "@/db/driver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import * as promptsRoute from "@/app/api/v1/prompts/route";
import * as versionsRoute from "@/app/api/v1/prompts/[id]/versions/route";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { get, llmEvent, post } from "@/tests/helpers/ingest-client";
import type { Db } from "@/db/client";
import {
  MAX_CONTEXT_CHARS, MAX_DEPTH, MAX_FEATURES_CHARS, MAX_METADATA_CHARS, MAX_MODEL_VERSIONS_PER_PROJECT, MAX_MODELS_PER_PROJECT,
  MAX_PROMPT_VERSIONS_PER_PROJECT, MAX_PROMPTS_PER_PROJECT, MAX_TEXT_CHARS, MAX_VALUE_CHARS,
} from "@/lib/ingest/limits";

let server: RouteServer;
let db: Db;
let p: TestProject;
const ingest = (body: unknown) => post(server.url, "/api/v1/ingest", body, { key: p.key });

beforeAll(async () => {
  server = await startRouteServer({
    "/api/v1/ingest": ingestRoute, "/api/v1/events": eventsRoute, "/api/v1/events/[id]": eventRoute,
    "/api/v1/prompts": promptsRoute, "/api/v1/prompts/[id]/versions": versionsRoute,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

/** `{"a":{"a":…1…}}` nested `depth` levels, built as text (a recursive builder would overflow first). */
function nestedJson(depth: number): string {
  return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}
function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
const count = () => (sqliteOf(db).prepare("SELECT count(*) AS n FROM event").get() as { n: number }).n;

/** Posts [ok, candidate] and returns the candidate's result; the ok event must always be stored. */
async function verdict(candidate: Record<string, unknown>) {
  const ok = llmEvent();
  const res = await ingest({ events: [ok, candidate] });
  expect([200, 207]).toContain(res.status);
  expect(res.json.results[0].status).toBe("accepted");
  return res.json.results[1] as { status: string; error?: { code: string; path: string; message: string } };
}

describe("ingest limits: an event that breaks one is rejected alone, naming the field", () => {
  it("rejects metadata nested 17,000 levels deep on its own (was a 500 for the whole batch)", async () => {
    const ok = JSON.stringify(llmEvent({ id: "fine" }));
    const deep = JSON.stringify(llmEvent({ id: "deep" })).replace(/}$/, `,"metadata":${nestedJson(17_000)}}`);
    const res = await ingest(`{"events":[${ok},${deep}]}`);
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ accepted: 1, rejected: 1 });
    expect(res.json.results[1]).toMatchObject({ id: "deep", status: "rejected", error: { code: "invalid_event", path: "metadata" } });
    expect(res.json.results[1].error.message).toContain(`${MAX_DEPTH} levels`);
    expect(count()).toBe(1);
  });

  it("accepts free-form values at their depth limit and rejects one level more, in every free-form field", async () => {
    // metadata: the object itself is level 1, so nested(n) is n levels.
    expect((await verdict(llmEvent({ id: "m32", metadata: nested(MAX_DEPTH) as object }))).status).toBe("accepted");
    expect(await verdict(llmEvent({ id: "m33", metadata: nested(MAX_DEPTH + 1) as object }))).toMatchObject({ status: "rejected", error: { path: "metadata" } });
    // input messages: the array is level 1, a message level 2.
    const msgs = (d: number) => [{ role: "user", content: nested(d) }];
    expect((await verdict(llmEvent({ id: "i32", input: msgs(MAX_DEPTH - 2) }))).status).toBe("accepted");
    expect(await verdict(llmEvent({ id: "i33", input: msgs(MAX_DEPTH - 1) }))).toMatchObject({ status: "rejected", error: { path: "input" } });
  });

  it("rejects text and structured fields over their size limits, and accepts them at the limit", async () => {
    const x = (n: number) => "x".repeat(n);
    const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
      ["input", llmEvent({ input: x(MAX_TEXT_CHARS) }), llmEvent({ input: x(MAX_TEXT_CHARS + 1) }), "input"],
      ["output", llmEvent({ output: x(MAX_TEXT_CHARS) }), llmEvent({ output: x(MAX_TEXT_CHARS + 1) }), "output"],
      ["context", llmEvent({ context: [x(MAX_CONTEXT_CHARS / 2), x(MAX_CONTEXT_CHARS / 2)] }), llmEvent({ context: [x(MAX_CONTEXT_CHARS / 2), x(MAX_CONTEXT_CHARS / 2 + 1)] }), "context"],
      ["metadata", llmEvent({ metadata: { k: x(MAX_METADATA_CHARS - 8) } }), llmEvent({ metadata: { k: x(MAX_METADATA_CHARS - 7) } }), "metadata"],
      ["features", { type: "prediction", model: "m", prediction: 1, features: { k: x(MAX_FEATURES_CHARS - 8) } }, { type: "prediction", model: "m", prediction: 1, features: { k: x(MAX_FEATURES_CHARS - 7) } }, "features"],
      ["prediction", { type: "prediction", model: "m", prediction: x(MAX_VALUE_CHARS) }, { type: "prediction", model: "m", prediction: x(MAX_VALUE_CHARS + 1) }, "prediction"],
      ["label", { type: "label", model: "m", targetId: "t", label: x(MAX_VALUE_CHARS) }, { type: "label", model: "m", targetId: "t", label: x(MAX_VALUE_CHARS + 1) }, "label"],
      ["chat input", llmEvent({ input: [{ role: "user", content: x(MAX_TEXT_CHARS - 30) }] }), llmEvent({ input: [{ role: "user", content: x(MAX_TEXT_CHARS - 29) }] }), "input"],
    ];
    for (const [name, atLimit, over, path] of cases) {
      expect((await verdict({ ...atLimit, id: `at-${name}` })).status, name).toBe("accepted");
      const v = await verdict({ ...over, id: `over-${name}` });
      expect(v.status, name).toBe("rejected");
      expect(v.error?.path, name).toBe(path);
    }
  });

  it("rejects ids with lone surrogates (they would collide once stored as UTF-8)", async () => {
    expect(await verdict(llmEvent({ id: "a\ud800" }))).toMatchObject({ status: "rejected", error: { path: "id" } });
    expect((await verdict(llmEvent({ id: "emoji-\ud83d\ude00" }))).status).toBe("accepted");
  });
});

describe("ingest limits: distinct names per project", () => {
  /** Fills a dimension table straight to its cap (thousands of rows through HTTP would only be slower). */
  function fill(sql: string, n: number, ...args: unknown[]) {
    const stmt = sqliteOf(db).prepare(sql);
    sqliteOf(db).transaction(() => {
      for (let i = 0; i < n; i++) stmt.run(...args, `n${i}`);
    })();
  }

  it("caps models: an event naming a new model past the cap is rejected alone; known models still ingest", async () => {
    fill("INSERT INTO model (project_id, kind, created_at, name) VALUES (?, 'llm', 0, ?)", MAX_MODELS_PER_PROJECT - 1, p.projectId);
    const res = await ingest({ events: [llmEvent({ id: "last", model: "the-last" }), llmEvent({ id: "over", model: "one-too-many" }), llmEvent({ id: "known", model: "n5" })] });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ accepted: 2, rejected: 1 });
    expect(res.json.results[1]).toMatchObject({ status: "rejected", error: { code: "limit_exceeded", path: "model" } });
    expect(res.json.results[1].error.message).toContain(String(MAX_MODELS_PER_PROJECT));
    expect(count()).toBe(2);
    // Another project has its own budget.
    const other = await makeProject(db);
    const res2 = await post(server.url, "/api/v1/ingest", { events: [llmEvent({ model: "one-too-many" })] }, { key: other.key });
    expect(res2.status).toBe(200);
  });

  it("caps model versions, prompts and prompt versions per project", async () => {
    const modelId = Number(sqliteOf(db).prepare("INSERT INTO model (project_id, name, kind, created_at) VALUES (?, 'm', 'llm', 0)").run(p.projectId).lastInsertRowid);
    fill("INSERT INTO model_version (model_id, created_at, version) VALUES (?, 0, ?)", MAX_MODEL_VERSIONS_PER_PROJECT, modelId);
    fill("INSERT INTO prompt (project_id, created_at, key) VALUES (?, 0, ?)", MAX_PROMPTS_PER_PROJECT, p.projectId);
    const promptId = (sqliteOf(db).prepare("SELECT id FROM prompt WHERE key = 'n0'").get() as { id: number }).id;
    const pv = sqliteOf(db).prepare("INSERT INTO prompt_version (prompt_id, version, labels, created_at) VALUES (?, ?, '[]', 0)");
    sqliteOf(db).transaction(() => {
      for (let v = 1; v <= MAX_PROMPT_VERSIONS_PER_PROJECT; v++) pv.run(promptId, v);
    })();
    const res = await ingest({
      events: [
        llmEvent({ id: "mv", model: "m", modelVersion: "new" }),
        llmEvent({ id: "pr", model: "m", promptId: "new-prompt" }),
        llmEvent({ id: "pv", model: "m", promptId: "n0", promptVersion: MAX_PROMPT_VERSIONS_PER_PROJECT + 1 }),
        llmEvent({ id: "fine", model: "m", modelVersion: "n1", promptId: "n0", promptVersion: 3 }),
      ],
    });
    expect(res.status).toBe(207);
    expect(res.json.results.map((r: { error?: { path: string } }) => r.error?.path ?? "ok")).toEqual(["modelVersion", "promptId", "promptVersion", "ok"]);
    expect(count()).toBe(1);
  });

  it("refuses a prompt or version registered through the API past the same caps (409 limit_exceeded)", async () => {
    fill("INSERT INTO prompt (project_id, created_at, key) VALUES (?, 0, ?)", MAX_PROMPTS_PER_PROJECT, p.projectId);
    const created = await post(server.url, "/api/v1/prompts", { key: "one-more" }, { key: p.key });
    expect(created.status).toBe(409);
    expect(created.json.error).toMatchObject({ code: "limit_exceeded", details: [{ path: "key" }] });
    // An existing prompt still takes new versions while the project has room for them.
    const v = await post(server.url, "/api/v1/prompts/n1/versions", { template: "Hello {{name}}" }, { key: p.key });
    expect(v.status).toBe(201);
    const viaVersion = await post(server.url, "/api/v1/prompts/brand-new/versions", { template: "x" }, { key: p.key });
    expect(viaVersion.status).toBe(409);
  });
});
