import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { getGovernanceSettings } from "@/lib/governance/project-settings";

/** GET /api/v1/settings/governance — the project's redaction mode and retention. */
export const GET = withApi(async (_req, ctx) => json(await getGovernanceSettings(ctx)), { permission: "telemetry:read" });
