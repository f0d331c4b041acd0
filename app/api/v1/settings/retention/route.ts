import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { setRetention } from "@/lib/governance/project-settings";
import { retentionSettingSchema } from "@/lib/governance/schemas";

/** PUT /api/v1/settings/retention {days: 1..3650 | null} — maximum age of raw events; aggregates are kept (admin). */
export const PUT = withApi(async (req, ctx) => json(await setRetention(ctx, await readJson(req, retentionSettingSchema))), { permission: "settings:manage" });
