/** Next.js calls this once per server process: open (and migrate) the database, start jobs. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/db/client");
  const { startScheduler } = await import("@/lib/scheduler/scheduler");
  getDb();
  startScheduler();
}
