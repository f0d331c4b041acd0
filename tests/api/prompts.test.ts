import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as promptsRoute from "@/app/api/v1/prompts/route";
import * as promptRoute from "@/app/api/v1/prompts/[id]/route";
import * as versionsRoute from "@/app/api/v1/prompts/[id]/versions/route";
import * as versionRoute from "@/app/api/v1/prompts/[id]/versions/[version]/route";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import type { Db } from "@/db/client";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get, llmEvent, post, send } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

let server: RouteServer;
let db: Db;
let p: TestProject;

beforeAll(async () => {
  server = await startRouteServer({
    "/api/v1/prompts": promptsRoute,
    "/api/v1/prompts/[id]": promptRoute,
    "/api/v1/prompts/[id]/versions": versionsRoute,
    "/api/v1/prompts/[id]/versions/[version]": versionRoute,
    "/api/v1/ingest": ingestRoute,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

const patch = (path: string, body: unknown) => send(server.url, "PATCH", path, body, p.key);

describe("prompt registry", () => {
  it("creates a prompt (201), refuses the same key (409), and lists it", async () => {
    const created = await post(server.url, "/api/v1/prompts", { key: "answer", name: "Answer" }, { key: p.key });
    expect(created.status).toBe(201);
    expect(created.json.prompt).toMatchObject({ key: "answer", name: "Answer", versions: [] });
    const again = await post(server.url, "/api/v1/prompts", { key: "answer" }, { key: p.key });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
    const list = await get(server.url, "/api/v1/prompts", p.key);
    expect(list.json.prompts).toEqual([{ key: "answer", name: "Answer", versionCount: 0, latestVersion: null, productionVersion: null }]);
  });

  it("answers 201 or 409, never 500, when the ingest writer creates the same prompt at the same moment", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `raced-${i}`);
    const outcomes = await Promise.all(
      keys.flatMap((k, i) => [
        post(server.url, "/api/v1/ingest", { events: [llmEvent({ id: `e${i}`, promptId: k, promptVersion: 1 })] }, { key: p.key }),
        post(server.url, "/api/v1/prompts", { key: k }, { key: p.key }),
      ]),
    );
    const creates = outcomes.filter((_, i) => i % 2 === 1).map((o) => o.status);
    expect(creates.every((s) => s === 201 || s === 409)).toBe(true);
    expect(outcomes.filter((_, i) => i % 2 === 0).every((o) => o.status === 200)).toBe(true);
    const list = await get(server.url, "/api/v1/prompts", p.key);
    expect(list.json.prompts.map((x: { key: string }) => x.key).sort()).toEqual([...keys].sort());
  });

  it("registers versions, keeps a template immutable, and moves labels in one transaction", async () => {
    const v1 = await post(server.url, "/api/v1/prompts/answer/versions", { template: "Hi {{name}}", labels: ["production"] }, { key: p.key });
    expect(v1.status).toBe(201);
    expect(v1.json.version).toMatchObject({ version: 1, labels: ["production", "latest"] });
    const v2 = await post(server.url, "/api/v1/prompts/answer/versions", { template: "Hello {{name}}" }, { key: p.key });
    expect(v2.json.version.version).toBe(2);
    const dup = await post(server.url, "/api/v1/prompts/answer/versions", { version: 1, template: "changed" }, { key: p.key });
    expect(dup.status).toBe(409);
    const promoted = await patch("/api/v1/prompts/answer/versions/2", { labels: ["production"] });
    expect(promoted.status).toBe(200);
    const view = await get(server.url, "/api/v1/prompts/answer", p.key);
    expect(view.json.prompt.versions.map((v: { version: number; labels: string[]; template: string }) => [v.version, v.labels, v.template])).toEqual([
      [2, ["production", "latest"], "Hello {{name}}"],
      [1, [], "Hi {{name}}"],
    ]);
    expect((await patch("/api/v1/prompts/answer/versions/9", { labels: ["staging"] })).status).toBe(404);
  });

  it("fills in the template of a version that events created (200)", async () => {
    await post(server.url, "/api/v1/ingest", { events: [llmEvent({ id: "seen", promptId: "implicit", promptVersion: 3 })] }, { key: p.key });
    const filled = await post(server.url, "/api/v1/prompts/implicit/versions", { version: 3, template: "T" }, { key: p.key });
    expect(filled.status).toBe(200);
    expect(filled.json.version).toMatchObject({ version: 3, template: "T" });
  });
});
