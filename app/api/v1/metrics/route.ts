import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { getMetrics, metricsQuerySchema } from "@/lib/metrics/get-metrics";

export const GET = withApi(
  (req, { db, projectId }) => json(getMetrics(db, projectId, parseQuery(metricsQuerySchema, req.nextUrl))),
  { scope: "read" },
);
