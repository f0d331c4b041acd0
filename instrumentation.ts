/** Next.js calls this once per server process: open (and migrate) the database, start jobs, drain ingest on SIGTERM. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/db/client");
  const { startScheduler } = await import("@/lib/scheduler/scheduler");
  const { drainIngestOnSignals } = await import("@/lib/ingest/writer/shutdown");
  getDb();
  startScheduler();
  drainIngestOnSignals();
}
