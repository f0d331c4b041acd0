/**
 * GET /api/health — liveness: the process is up and serving HTTP. No authentication, no
 * database: a container orchestrator restarts the process only when this stops answering.
 */
// Answered per request, never prerendered at build time: it reports on the running process.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
