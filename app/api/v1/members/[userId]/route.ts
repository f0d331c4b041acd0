import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseBody } from "@/lib/api/parse-query";
import { readJson } from "@/lib/dashboard/read-json";
import { removeMember } from "@/lib/members/remove-member";
import { updateMemberSchema, userIdParam } from "@/lib/members/schemas";
import { updateMember } from "@/lib/members/update-member";

/** PATCH /api/v1/members/{userId} {role?, disabled?} — disabling ends the user's sessions at once. */
export const PATCH = withApi(
  async (req, ctx) => {
    const { userId } = parseBody(userIdParam, ctx.params);
    return json({ member: await updateMember(ctx, { userId, ...(await readJson(req, updateMemberSchema)) }) });
  },
  { permission: "members:manage" },
);

/** DELETE /api/v1/members/{userId} — removes the membership in this project (204). */
export const DELETE = withApi(
  async (_req, ctx) => {
    await removeMember(ctx, parseBody(userIdParam, ctx.params));
    return new Response(null, { status: 204 });
  },
  { permission: "members:manage" },
);
