import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sqliteOf } from "@/db/driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as readyRoute from "@/app/api/ready/route";
import { closeDb } from "@/db/client";
import { ingestWriterStats, stopTakingIngest } from "@/lib/ingest/writer/ingest-writer";
import { freshDb } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

let server: RouteServer;

beforeAll(async () => {
  server = await startRouteServer({ "/api/health": healthRoute, "/api/ready": readyRoute });
});
afterAll(() => server.close());

/** Points the app at a "database" SQLite cannot open (a directory). */
function unopenableDatabase() {
  process.env.DATABASE_URL = `file:${fs.mkdtempSync(path.join(os.tmpdir(), "sightline-not-a-file-"))}`;
  closeDb();
}

async function call(p: string) {
  const res = await fetch(`${server.url}${p}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

describe("GET /api/health", () => {
  it("answers 200 without credentials, whatever the database", async () => {
    unopenableDatabase();
    const res = await call("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});

describe("GET /api/ready", () => {
  it("answers 200 without credentials when the database is migrated and the writer thread answers", async () => {
    await freshDb();
    const res = await call("/api/ready");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ready" });
    // The check started the writer thread and had it answer (it was not running before).
    expect(ingestWriterStats()).toBeDefined();
  });

  it("answers 503 in the error shape, saying nothing about why, when the database cannot be opened", async () => {
    unopenableDatabase();
    const res = await call("/api/ready");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.body).toEqual({ error: { code: "unavailable", message: "Not ready", requestId: expect.any(String) } });
  });

  it("answers 503 when a migration is not applied", async () => {
    const db = await freshDb();
    sqliteOf(db).prepare("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)").run();
    expect((await call("/api/ready")).status).toBe(503);
  });

  it("answers 503 for a database file that was never migrated", async () => {
    const db = await freshDb();
    sqliteOf(db).exec("DROP TABLE __drizzle_migrations");
    expect((await call("/api/ready")).status).toBe(503);
  });

  it("answers 503 once the process is shutting down (the writer takes no more ingest)", async () => {
    await freshDb();
    expect((await call("/api/ready")).status).toBe(200);
    await stopTakingIngest();
    expect((await call("/api/ready")).status).toBe(503);
  });
});
