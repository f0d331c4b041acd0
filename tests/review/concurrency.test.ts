import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { reviewLease, reviewVerdict } from "@/db/schema";
import { claimNextItem } from "@/lib/review/claim-item";
import { enqueueItems } from "@/lib/review/enqueue-items";
import { getQueueStats } from "@/lib/review/get-queue-stats";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { makeMember, makeQueue, seedEvents, type Member } from "./helpers";

const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const WORKER = path.join(process.cwd(), "tests", "review", "claim-worker.ts");

interface Worker {
  ready: Promise<void>;
  done: Promise<{ claimed: number[]; error?: string }>;
  go(): void;
}

function startWorker(projectId: number, m: Member, queueId: number): Worker {
  const child = spawn(TSX, [WORKER, String(projectId), String(m.id), m.email, String(queueId)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  const done = new Promise<{ claimed: number[]; error?: string }>((resolve, reject) => {
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.startsWith("ready\n")) onReady();
    });
    child.on("error", reject);
    child.on("close", () => {
      const last = out.trim().split("\n").at(-1)!;
      try { resolve(JSON.parse(last)); } catch { reject(new Error(`worker printed ${JSON.stringify(out)}`)); }
    });
  });
  return { ready, done, go: () => child.stdin.end("go\n") };
}

describe("simultaneous claims from separate processes", () => {
  it.each([1, 2])("reviewers-per-item %i: no item is over-claimed and no reviewer sees an item twice", async (rpi) => {
    const db = await freshDb();
    const p = await makeProject(db);
    const engineer = await makeMember(db, p.projectId, "engineer");
    const reviewers = await Promise.all(Array.from({ length: 6 }, (_, i) => makeMember(db, p.projectId, "reviewer", `r${i}`)));
    const ids = await seedEvents(db, p.projectId, 40);
    const q = await makeQueue(engineer.ctx(), { reviewersPerItem: rpi });
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });

    const workers = reviewers.map((m) => startWorker(p.projectId, m, q.id));
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const results = await Promise.all(workers.map((w) => w.done));

    expect(results.map((r) => r.error ?? null)).toEqual(reviewers.map(() => null));
    for (const r of results) expect(new Set(r.claimed).size).toBe(r.claimed.length);
    const perItem = new Map<number, number>();
    for (const id of results.flatMap((r) => r.claimed)) perItem.set(id, (perItem.get(id) ?? 0) + 1);
    // Every item was reviewed by exactly reviewers-per-item people, never more.
    expect(perItem.size).toBe(40);
    expect(new Set(perItem.values())).toEqual(new Set([rpi]));
    const verdicts = await db.orm.select().from(reviewVerdict);
    expect(verdicts).toHaveLength(40 * rpi);
    const stats = await getQueueStats(engineer.ctx(), { queueId: q.id });
    expect(stats).toMatchObject({ total: 40, completed: 40, pending: 0, inProgress: 0 });
  }, 120_000);

  it("two claims at the same instant in one process get different items (reviewers-per-item 1)", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const engineer = await makeMember(db, p.projectId, "engineer");
    const reviewers = await Promise.all(Array.from({ length: 20 }, (_, i) => makeMember(db, p.projectId, "reviewer", `s${i}`)));
    const ids = await seedEvents(db, p.projectId, 15);
    const q = await makeQueue(engineer.ctx(), { reviewersPerItem: 1 });
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ids });
    const now = Date.now();
    const claims = await Promise.all(reviewers.map((m) => claimNextItem(m.ctx(now), { queueId: q.id })));
    const got = claims.filter((c) => c !== null).map((c) => c!.id);
    expect(got).toHaveLength(15);
    expect(new Set(got).size).toBe(15);
    expect(claims.filter((c) => c === null)).toHaveLength(5);
    const leases = await db.orm.select().from(reviewLease).where(eq(reviewLease.state, "active"));
    expect(leases).toHaveLength(15);
  });
});
