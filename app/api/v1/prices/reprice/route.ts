import { json } from "@/lib/api/responses";
import { withApi } from "@/lib/api/with-api";
import { readJson } from "@/lib/dashboard/read-json";
import { listRepriceJobs, requestReprice } from "@/lib/pricing/request-reprice";
import { repriceRequestSchema } from "@/lib/pricing/schemas";

/** POST /api/v1/prices/reprice {from, to, model?} — queue re-pricing of a range (202 with the job). */
export const POST = withApi(async (req, ctx) => json({ job: await requestReprice(ctx, await readJson(req, repriceRequestSchema)) }, 202), {
  permission: "settings:manage",
});

/** GET /api/v1/prices/reprice — the project's recent re-pricing jobs. */
export const GET = withApi(async (_req, ctx) => json(await listRepriceJobs(ctx)), { permission: "telemetry:read" });
