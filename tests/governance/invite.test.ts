import { describe, expect, it } from "vitest";
import { sqliteOf } from "@/db/driver";
import { acceptInvite, findInvite } from "@/lib/members/accept-invite";
import { createMember } from "@/lib/members/create-member";
import { listMembers } from "@/lib/members/list-members";
import { INVITE_TTL_MS } from "@/lib/members/invite-token";
import { findUserByEmail } from "@/lib/users/create-user";
import { verifyPassword } from "@/lib/users/passwords";
import { freshDb, makeProject, testContext } from "@/tests/helpers/db";

describe("invites", () => {
  it("a member added without a password chooses one through the link, once, before it expires", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const ctx = testContext(db, p.projectId, { role: "admin" });
    const created = await createMember(ctx, { email: "new@example.test", role: "viewer" });
    const token = created.invite!.token;
    expect(await findInvite(db, token)).toMatchObject({ email: "new@example.test", role: "viewer" });

    const before = await findUserByEmail(db, "new@example.test");
    expect(await verifyPassword("chosen password", before!.passwordHash)).toBe(false);
    await expect(acceptInvite(db, { token, password: "chosen password" }, { address: "192.0.2.7" })).resolves.toEqual({ email: "new@example.test" });
    const after = await findUserByEmail(db, "new@example.test");
    expect(await verifyPassword("chosen password", after!.passwordHash)).toBe(true);
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect((await listMembers(ctx)).find((m) => m.email === "new@example.test")!.invitePending).toBe(false);
    const entry = sqliteOf(db).prepare("SELECT actor_id, address FROM audit_log WHERE action = 'member.invite_accept'").get() as { actor_id: number; address: string };
    expect(entry).toEqual({ actor_id: after!.id, address: "192.0.2.7" });

    // used up
    await expect(acceptInvite(db, { token, password: "another password" }, { address: null })).rejects.toThrow(/not valid/);
    await expect(findInvite(db, token)).rejects.toThrow(/not valid/);
  });

  it("an expired or unknown token is refused the same way", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const created = await createMember(testContext(db, p.projectId, { role: "admin" }), { email: "late@example.test", role: "viewer" });
    const later = Date.now() + INVITE_TTL_MS + 1;
    await expect(acceptInvite(db, { token: created.invite!.token, password: "chosen password" }, { address: null, now: later })).rejects.toThrow(/not valid/);
    await expect(findInvite(db, "x".repeat(43))).rejects.toThrow(/not valid/);
    await expect(findInvite(db, "short")).rejects.toThrow(/not valid/);
  });
});
