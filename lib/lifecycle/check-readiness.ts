import { getDb } from "@/db/client";
import { pendingMigrations } from "@/db/migration-status";
import { ingestWriterAlive } from "@/lib/ingest/writer/ingest-writer";

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Whether this process can serve: the database opens and answers, every migration is applied,
 * and the ingest writer thread answers. The reason is for the log, never for the response
 * (GET /api/ready is unauthenticated).
 */
export async function checkReadiness(): Promise<Readiness> {
  try {
    const pending = await pendingMigrations(getDb());
    if (pending > 0) return { ready: false, reason: `${pending} migration(s) not applied` };
  } catch (err) {
    return { ready: false, reason: `database unreachable: ${(err as Error).message}` };
  }
  if (!(await ingestWriterAlive())) return { ready: false, reason: "the ingest writer thread does not answer" };
  return { ready: true };
}
