import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { getTimeseries, timeseriesQuerySchema } from "@/lib/metrics/get-timeseries";

export const GET = withApi(
  (req, { db, projectId }) => json(getTimeseries(db, projectId, parseQuery(timeseriesQuerySchema, req.nextUrl))),
  { scope: "read" },
);
