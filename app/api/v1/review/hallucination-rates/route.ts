import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { humanHallucinationRates } from "@/lib/review/hallucination-rate";
import { hallucinationRateQuerySchema } from "@/lib/review/schemas";

/** GET /api/v1/review/hallucination-rates — human-confirmed rate per model/prompt/version beside the detector's. */
export const GET = withApi(
  async (req, ctx) => json({ rates: await humanHallucinationRates(ctx, parseQuery(hallucinationRateQuerySchema, req.nextUrl)) }),
  { permission: "telemetry:read" },
);
