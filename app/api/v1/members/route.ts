import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { publicOrigin } from "@/lib/api/public-origin";
import { readJson } from "@/lib/dashboard/read-json";
import { createMember } from "@/lib/members/create-member";
import { listMembers } from "@/lib/members/list-members";
import { createMemberSchema } from "@/lib/members/schemas";

/** GET /api/v1/members — the project's members with role, disabled and invite state. */
export const GET = withApi(async (_req, ctx) => json({ members: await listMembers(ctx) }), { permission: "members:manage" });

/** POST /api/v1/members {email, role, password?} — 201; without a password the answer holds an invite link (shown once). */
export const POST = withApi(
  async (req, ctx) => json(await createMember(ctx, await readJson(req, createMemberSchema), { origin: publicOrigin(req) }), 201),
  { permission: "members:manage" },
);
