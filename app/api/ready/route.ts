import { randomUUID } from "node:crypto";
import { UnavailableError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/responses";
import { checkReadiness } from "@/lib/lifecycle/check-readiness";

/**
 * GET /api/ready — readiness: database reachable and migrated, ingest writer alive. 200 or 503
 * (a load balancer then sends traffic elsewhere). No authentication, so the body says nothing
 * about why; the reason goes to the server log.
 */
// Answered per request, never prerendered at build time: it reports on the running process.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  if (readiness.ready) return Response.json({ status: "ready" }, { headers: { "cache-control": "no-store" } });
  const requestId = randomUUID();
  console.warn(`[sightline] not ready (request ${requestId}): ${readiness.reason}`);
  const res = errorResponse(new UnavailableError("Not ready", 5), requestId);
  res.headers.set("cache-control", "no-store");
  return res;
}
