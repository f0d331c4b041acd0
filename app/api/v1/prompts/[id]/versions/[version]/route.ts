import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseBody } from "@/lib/api/parse-query";
import { readJson } from "@/lib/dashboard/read-json";
import { updateLabelsSchema } from "@/lib/prompts/schemas";
import { updateVersionLabels } from "@/lib/prompts/update-version-labels";

const versionParam = z.object({ version: z.coerce.number().int().min(1) });

/** PATCH /api/v1/prompts/{id}/versions/{version} {labels} — labels move off other versions. */
export const PATCH = withApi(
  async (req, ctx) => {
    const { version } = parseBody(versionParam, ctx.params);
    const { labels } = await readJson(req, updateLabelsSchema);
    return json({ version: await updateVersionLabels(ctx, { key: ctx.params.id, version, labels }) });
  },
  { permission: "prompts:write" },
);
