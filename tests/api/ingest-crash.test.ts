import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, inArray, sql, sum } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { event, rollup } from "@/db/schema";
import { realTrafficEvent } from "@/lib/seed/real-traffic-events";
import { rng } from "@/lib/seed/random";
import { freshDb, makeProject } from "@/tests/helpers/db";

/**
 * SIGKILL during real-traffic ingest (UUIDv4 ids, a random trace id on every event, text):
 * every event the server acknowledged is stored after a restart, and resending every batch —
 * acknowledged or not, as a client retrying after the crash does — stores each event once,
 * with rollups that count each once.
 */
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  // node with tsx's loader (not the tsx CLI, whose child would survive the SIGKILL).
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/ingest-server-process.ts"], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on("exit", (code) => reject(new Error(`ingest server exited with ${code}`)));
  });
}

const BATCH = 200;
const CLIENTS = 4;

function batches(n: number): { ids: string[]; body: string }[] {
  const r = rng(n);
  return Array.from({ length: n }, () => {
    const events = Array.from({ length: BATCH }, () => realTrafficEvent(r, randomUUID(), randomBytes(16).toString("hex"), Date.now() - r.int(0, 5000)));
    return { ids: events.map((e) => e.id), body: JSON.stringify({ events }) };
  });
}

async function postBatch(url: string, key: string, body: string): Promise<{ status: number; accepted: string[] }> {
  const res = await fetch(`${url}/api/v1/ingest`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
  const json = (await res.json()) as { results?: { id: string; status: string }[] };
  return { status: res.status, accepted: (json.results ?? []).filter((x) => x.status === "accepted" || x.status === "duplicate").map((x) => x.id) };
}

describe("SIGKILL during real-traffic ingest", () => {
  it("keeps every acknowledged event, and a full resend after restart stores each event exactly once", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const all = batches(60);
    const acknowledged = new Set<string>();
    const first = await startServer();
    let next = 0;
    let killed = false;
    const client = async () => {
      while (!killed && next < all.length) {
        const b = all[next++];
        try {
          const res = await postBatch(first.url, p.key, b.body);
          if (res.status === 200) res.accepted.forEach((id) => acknowledged.add(id));
        } catch {
          return; // the connection died with the server: this batch is not acknowledged
        }
        // Kill while requests are in flight, once a fair share has been acknowledged.
        if (!killed && acknowledged.size >= 10 * BATCH) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    expect(killed).toBe(true);
    expect(acknowledged.size).toBeGreaterThanOrEqual(10 * BATCH);

    const stored = async (ids: string[]) => {
      let n = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const [{ c }] = await db.orm.select({ c: sql<number>`count(*)`.mapWith(Number) }).from(event)
          .where(and(eq(event.projectId, p.projectId), inArray(event.clientId, ids.slice(i, i + 500))));
        n += c;
      }
      return n;
    };
    expect(await stored([...acknowledged])).toBe(acknowledged.size);

    // The client resends everything it sent or meant to send.
    const second = await startServer();
    for (const b of all) {
      const res = await postBatch(second.url, p.key, b.body);
      expect(res.status).toBe(200);
      expect(res.accepted.length).toBe(BATCH);
    }
    const sent = all.flatMap((b) => b.ids);
    const [{ events, distinct }] = await db.orm
      .select({ events: sql<number>`count(*)`.mapWith(Number), distinct: sql<number>`count(distinct ${event.clientId})`.mapWith(Number) })
      .from(event).where(eq(event.projectId, p.projectId));
    expect(events).toBe(sent.length);
    expect(distinct).toBe(sent.length);
    const [{ rolled }] = await db.orm.select({ rolled: sum(rollup.count).mapWith(Number) }).from(rollup)
      .where(and(eq(rollup.projectId, p.projectId), eq(rollup.resolution, 86_400_000)));
    const [{ modelled }] = await db.orm.select({ modelled: sql<number>`count(*)`.mapWith(Number) }).from(event)
      .where(and(eq(event.projectId, p.projectId), sql`${event.modelId} IS NOT NULL AND ${event.type} IN ('llm', 'prediction')`));
    expect(rolled).toBe(modelled);
    second.child.kill("SIGTERM");
  }, 120_000);
});
