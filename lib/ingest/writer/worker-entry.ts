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
const db = openDb(url, { migrate: false, mmapMb: 0 });

/** "stop": answer what is queued before it, close the database, and let the thread end. */
port.on("message", (first: WriterRequest | "stop") => {
  if (first === "stop") return stop();
  const group = [first];
  let bytes = first.job.body.byteLength;
  let stopping = false;
  while (group.length < maxGroupJobs && bytes < maxGroupBytes) {
    const next = receiveMessageOnPort(port)?.message as WriterRequest | "stop" | undefined;
    if (next === undefined) break;
    if (next === "stop") {
      stopping = true;
      break;
    }
    group.push(next);
    bytes += next.job.body.byteLength;
  }
  const outcomes = runIngestJobs(db, group.map((r) => r.job));
  group.forEach((r, i) => port.postMessage({ id: r.id, outcome: outcomes[i], groupSize: group.length } satisfies WriterReply));
  if (stopping) stop();
});

function stop() {
  db.close();
  // Let the thread end once idle; replies already posted stay queued for the request thread.
  port.unref();
}
