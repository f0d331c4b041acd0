import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { windowQuerySchema } from "@/lib/time/ranges";
import { getPromptStats } from "@/lib/prompts/get-prompt-stats";

const statsQuery = z.intersection(
  windowQuerySchema,
  z.object({ a: z.coerce.number().int().min(1).optional(), b: z.coerce.number().int().min(1).optional() }),
);

/** GET /api/v1/prompts/{id}/stats?from&to&a&b — per-version metrics, and significance tests of b against a. */
export const GET = withApi(
  async (req, ctx) => {
    const q = parseQuery(statsQuery, req.nextUrl);
    return json(await getPromptStats(ctx, { key: ctx.params.id, from: q.from, to: q.to, a: q.a, b: q.b }));
  },
  { permission: "telemetry:read" },
);
