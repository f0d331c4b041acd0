import { holdWriteLock, sqlRows } from "@/tests/helpers/sql";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { UnavailableError } from "@/lib/api/errors";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import type { Db } from "@/db/client";
import { runIngestJobs, type IngestJob } from "@/lib/ingest/writer/jobs";
import { ingestWriterStats, stopIngestWriter, submitIngest, WorkerWriter, writerMode } from "@/lib/ingest/writer/ingest-writer";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { llmEvent, post } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

let server: RouteServer;
let db: Db;
let p: TestProject;
const ingest = (body: unknown) => post(server.url, "/api/v1/ingest", body, { key: p.key });
const body = (events: unknown[]) => Buffer.from(JSON.stringify({ events }));
const storedIds = async () =>
  (await sqlRows(db, "SELECT client_id FROM event WHERE project_id = ? ORDER BY client_id", p.projectId)).map((r) => r.client_id as string);

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/ingest": ingestRoute });
});
afterAll(async () => {
  await server.close();
  await stopIngestWriter();
});
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});
afterEach(() => {
  delete process.env.SIGHTLINE_INGEST_QUEUE_MB;
  delete process.env.SIGHTLINE_SQLITE_BUSY_TIMEOUT_MS;
});

describe("the ingest writer thread", () => {
  it("is what the routes store through (the bundle the test setup built)", async () => {
    expect(writerMode()).toBe("worker");
  });

  it("answers concurrent requests each with its own results, storing every valid event once", async () => {
    const requests = Array.from({ length: 24 }, (_, r) => {
      if (r === 5) return ingest("{not json");
      const events = Array.from({ length: 40 }, (_, i) => llmEvent({ id: `r${r}-e${i}` }));
      if (r % 4 === 0) events[7] = { id: `r${r}-bad`, type: "llm", model: "m", latencyMs: -1 } as never;
      if (r === 9) events.push(llmEvent({ id: "r8-e1" })); // already sent by request 8: a duplicate, wherever it lands
      return ingest({ events });
    });
    const answers = await Promise.all(requests);
    answers.forEach((res, r) => {
      if (r === 5) {
        expect(res.status).toBe(400);
        expect(res.json.error.details[0].path).toBe("body");
        return;
      }
      const bad = r % 4 === 0;
      expect(res.status).toBe(bad ? 207 : 200);
      expect(res.json.rejected).toBe(bad ? 1 : 0);
      if (bad) expect(res.json.results[7]).toMatchObject({ status: "rejected", id: `r${r}-bad`, error: { path: "latencyMs" } });
    });
    // Requests 8 and 9 raced for "r8-e1": exactly one of them stored it.
    const r8 = answers[8].json.results[1].status;
    const r9 = answers[9].json.results[40].status;
    expect([r8, r9].sort()).toEqual(["accepted", "duplicate"]);
    const expected = new Set<string>();
    for (let r = 0; r < 24; r++) if (r !== 5) for (let i = 0; i < 40; i++) if (!(r % 4 === 0 && i === 7)) expected.add(`r${r}-e${i}`);
    expect(await storedIds()).toEqual([...expected].sort());
  });

  it("commits the requests that queued while a transaction ran in one transaction (group commit)", async () => {
    process.env.SIGHTLINE_SQLITE_BUSY_TIMEOUT_MS = "5000";
    db = await freshDb();
    p = await makeProject(db);
    expect((await ingest({ events: [llmEvent({ id: "warm" })] })).status).toBe(200); // the key is cached: no write on this thread below
    const release = await holdWriteLock(); // the first request's transaction waits for this lock…
    const first = ingest({ events: [llmEvent({ id: "c0" })] });
    await new Promise((r) => setTimeout(r, 200));
    const rest = Array.from({ length: 5 }, (_, i) => ingest({ events: [llmEvent({ id: `c${i + 1}` })] }));
    await new Promise((r) => setTimeout(r, 300)); // …while five more queue up behind it
    await release();
    const answers = await Promise.all([first, ...rest]);
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(ingestWriterStats()).toEqual({ requests: 7, transactions: 3 });
    expect(await storedIds()).toEqual(["c0", "c1", "c2", "c3", "c4", "c5", "warm"]);
  });

  it("retries each request of a failed group alone, so one request's storage error fails only it", async () => {
    // Project 999999 does not exist: creating its model violates a foreign key inside the
    // group's transaction.
    const jobs: IngestJob[] = [
      { kind: "events", projectId: p.projectId, body: body([llmEvent({ id: "g1" })]) },
      { kind: "events", projectId: 999_999, body: body([llmEvent({ id: "g2", model: "nowhere" })]) },
      { kind: "events", projectId: p.projectId, body: body([llmEvent({ id: "g3" })]) },
      { kind: "events", projectId: p.projectId, body: Buffer.from('{"events": 3}') },
    ];
    const out = await runIngestJobs(db, jobs);
    expect(out.map((o) => (o.ok ? "ok" : o.error.status))).toEqual(["ok", 500, "ok", 400]);
    expect(await storedIds()).toEqual(["g1", "g3"]);
    expect(await sqlRows(db, "SELECT count(*) AS n FROM model WHERE name = 'nowhere'")).toEqual([{ n: 0 }]);
  });

  it("answers 503 with Retry-After when too much is queued, and stores exactly the acknowledged batches", async () => {
    process.env.SIGHTLINE_INGEST_QUEUE_MB = String(20_000 / 2 ** 20); // ~20 kB: two of these batches
    const sent = Array.from({ length: 12 }, (_, r) => Array.from({ length: 60 }, (_, i) => llmEvent({ id: `q${r}-${i}` })));
    const answers = await Promise.all(sent.map((events) => ingest({ events })));
    const ok = answers.flatMap((res, r) => (res.status === 200 ? [r] : []));
    const refused = answers.filter((res) => res.status === 503);
    expect(ok.length + refused.length).toBe(12);
    expect(ok.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const res of refused) {
      expect(res.headers.get("retry-after")).toBe("1");
      expect(res.json.error.code).toBe("unavailable");
    }
    expect(await storedIds()).toEqual(ok.flatMap((r) => sent[r].map((e) => e.id as string)).sort());
  });

  it("stops gracefully: a request already sent is still stored and answered, the next one gets a new thread", async () => {
    expect((await ingest({ events: [llmEvent({ id: "warm" })] })).status).toBe(200); // the key is cached: no write on this thread below
    const release = await holdWriteLock(); // the writer waits for this lock inside its transaction
    const pending = ingest({ events: [llmEvent({ id: "w1" })] });
    await new Promise((r) => setTimeout(r, 200));
    const stopped = stopIngestWriter();
    await new Promise((r) => setTimeout(r, 200));
    await release();
    await stopped;
    expect((await pending).status).toBe(200);
    expect((await ingest({ events: [llmEvent({ id: "w2" })] })).status).toBe(200);
    expect(await storedIds()).toEqual(["w1", "w2", "warm"]);
  });

  it("answers 503 with Retry-After to every waiting request when the writer thread dies", async () => {
    // A stand-in writer that crashes on its first request, as a bug or an OOM would.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-writer-"));
    const file = path.join(dir, "crashing-writer.cjs");
    fs.writeFileSync(file, 'require("node:worker_threads").workerData.port.on("message", () => { throw new Error("writer crashed"); });');
    const writer = new WorkerWriter(db.url, file);
    const job: IngestJob = { kind: "events", projectId: p.projectId, body: body([llmEvent({ id: "x1" })]) };
    const results = await Promise.allSettled([writer.submit(job), writer.submit(job)]);
    for (const r of results) {
      expect(r.status).toBe("rejected");
      const err = (r as PromiseRejectedResult).reason;
      expect(err).toBeInstanceOf(UnavailableError);
      expect(err.headers).toEqual({ "Retry-After": "1" });
    }
    await expect(writer.submit(job)).rejects.toBeInstanceOf(UnavailableError);
    expect(await storedIds()).toEqual([]);
  });

  it("submits the same job inline when SIGHTLINE_INGEST_WORKER=0", async () => {
    process.env.SIGHTLINE_INGEST_WORKER = "0";
    try {
      expect(writerMode()).toBe("inline");
      const result = await submitIngest({ kind: "events", projectId: p.projectId, body: body([llmEvent({ id: "i1" })]) });
      expect(result).toMatchObject({ accepted: 1, rejected: 0 });
      expect(await storedIds()).toEqual(["i1"]);
    } finally {
      delete process.env.SIGHTLINE_INGEST_WORKER;
    }
  });
});
