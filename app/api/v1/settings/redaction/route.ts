import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { setRedactionMode } from "@/lib/governance/project-settings";
import { redactionSettingSchema } from "@/lib/governance/schemas";

/** PUT /api/v1/settings/redaction {mode: off|mask|hash} — PII redaction at ingest for this project (admin). */
export const PUT = withApi(async (req, ctx) => json(await setRedactionMode(ctx, await readJson(req, redactionSettingSchema))), { permission: "settings:manage" });
