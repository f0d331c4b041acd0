import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { changePassword, changePasswordSchema } from "@/lib/account/change-password";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { servedOverHttps } from "@/lib/security/content-security-policy";
import { requireMember } from "@/lib/services/context";

/**
 * POST /api/v1/account/password {currentPassword, newPassword} — every other session of the
 * user ends; this one gets a fresh session cookie. Any member may change their own password.
 */
export const POST = withApi(
  async (req, ctx) => {
    requireMember(ctx); // before reading the body: a key gets 403, not a validation error
    const changed = await changePassword(ctx, await readJson(req, changePasswordSchema));
    const res = json({ changed: true });
    await setSessionCookie(res, changed, servedOverHttps(req));
    return res;
  },
  { permission: "telemetry:read" },
);
