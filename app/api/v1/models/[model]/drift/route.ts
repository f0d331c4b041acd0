import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { getDriftReport } from "@/lib/drift/get-drift-report";
import { driftQuerySchema } from "@/lib/drift/schemas";

/** GET /api/v1/models/{model}/drift?from&to[&referenceFrom&referenceTo][&version][&method&threshold&driftShare&sampleSize] */
export const GET = withApi(
  async (req, ctx) => json(await getDriftReport(ctx, { ...parseQuery(driftQuerySchema, new URL(req.url)), model: ctx.params.model })),
  { permission: "telemetry:read" },
);
