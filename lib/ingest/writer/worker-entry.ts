/**
 * The ingest writer thread: owns one SQLite connection and stores every ingest request of
 * this process (lib/ingest/writer/ingest-writer.ts sends them). Requests that queued up while
 * it was busy are taken together and committed in one transaction (group commit).
 */
import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { openDb } from "@/db/client";
import { runIngestJobs, type IngestJob, type JobOutcome } from "./jobs";

export interface WriterData {
  url: string;
  port: MessagePort;
  /** A group stops growing past either bound (it is one transaction: bound its latency). */
  maxGroupJobs: number;
  maxGroupBytes: number;
}

export interface WriterRequest {
  id: number;
  job: IngestJob;
}

export interface WriterReply {
  id: number;
  outcome: JobOutcome;
  /** How many requests shared this one's transaction. */
  groupSize: number;
}

const { url, port, maxGroupJobs, maxGroupBytes } = workerData as WriterData;
// The writer reads the pages it inserts into through its own page cache (the size
// SIGHTLINE_SQLITE_CACHE_MB sets); the memory map is left to the request thread's reads.
// On PostgreSQL it needs one connection for its transaction and one for name look-ups.
const db = openDb(url, { migrate: false, mmapMb: 0, poolSize: 2 });

/**
 * Requests wait here while a group is being stored. On SQLite a group is stored within one
 * turn of the event loop; on PostgreSQL the transaction is asynchronous, and what arrives
 * meanwhile forms the next group (never a second concurrent transaction from this writer).
 */
const queue: (WriterRequest | "stop")[] = [];
let busy = false;

/** A liveness probe (GET /api/ready): answered as soon as the thread reads it. */
export interface WriterPing {
  ping: number;
}

type Incoming = WriterRequest | WriterPing | "stop";
const isPing = (m: Incoming): m is WriterPing => typeof m === "object" && "ping" in m;

/** "stop": answer what is queued before it, close the database, and let the thread end. */
port.on("message", (m: Incoming) => {
  // A ping is answered at once, even while a PostgreSQL group is being stored.
  if (m !== "stop" && isPing(m)) return port.postMessage({ pong: m.ping });
  queue.push(m);
  void drain();
});

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    while (queue.length > 0) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const msg = m.message as Incoming;
        if (msg !== "stop" && isPing(msg)) port.postMessage({ pong: msg.ping });
        else queue.push(msg);
      }
      const group: WriterRequest[] = [];
      let bytes = 0;
      let stopping = false;
      while (queue.length > 0 && group.length < maxGroupJobs && bytes < maxGroupBytes) {
        const next = queue.shift()!;
        if (next === "stop") {
          stopping = true;
          break;
        }
        group.push(next);
        bytes += next.job.body.byteLength;
      }
      if (group.length > 0) {
        const outcomes = await runIngestJobs(db, group.map((r) => r.job));
        group.forEach((r, i) => port.postMessage({ id: r.id, outcome: outcomes[i], groupSize: group.length } satisfies WriterReply));
      }
      if (stopping) return await stop();
    }
  } finally {
    busy = false;
  }
}

async function stop() {
  queue.length = 0;
  await db.close();
  // Let the thread end once idle; replies already posted stay queued for the request thread.
  port.unref();
}
