import { describe, expect, it } from "vitest";
import { sqliteOf } from "@/db/driver";
import { authOptions } from "@/lib/auth/auth-options";
import { externalProviderInfo, externalProviders, linkExternalSignIn } from "@/lib/auth/external-providers";
import { setAccountDisabled } from "@/lib/members/disable-account";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { memberWithSession } from "@/tests/helpers/session";

describe("optional GitHub and OIDC sign-in", () => {
  it("is off by default and enabled by complete sets of environment variables", () => {
    expect(externalProviderInfo({})).toEqual([]);
    expect(externalProviderInfo({ SIGHTLINE_GITHUB_CLIENT_ID: "id" })).toEqual([]);
    const env = {
      SIGHTLINE_GITHUB_CLIENT_ID: "id", SIGHTLINE_GITHUB_CLIENT_SECRET: "s",
      SIGHTLINE_OIDC_ISSUER: "https://login.example.com/", SIGHTLINE_OIDC_CLIENT_ID: "c", SIGHTLINE_OIDC_CLIENT_SECRET: "s", SIGHTLINE_OIDC_NAME: "Okta",
    };
    expect(externalProviderInfo(env)).toEqual([{ id: "github", name: "GitHub" }, { id: "oidc", name: "Okta" }]);
    const oidc = externalProviders(env).find((p) => p.id === "oidc") as unknown as { wellKnown: string; checks: string[] };
    expect(oidc.wellKnown).toBe("https://login.example.com/.well-known/openid-configuration");
    expect(oidc.checks).toContain("pkce");
    expect(authOptions().providers.map((p) => p.id)).toEqual(["credentials"]);
  });

  it("never creates accounts: only an enabled member with a verified e-mail gets in, and every attempt is audited", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const m = await memberWithSession(db, p.projectId, "viewer");
    const base = { provider: "oidc", address: "192.0.2.4" };
    expect(await linkExternalSignIn(db, { ...base, email: m.email.toUpperCase(), emailVerified: true })).toMatchObject({ id: m.id, email: m.email });
    expect(await linkExternalSignIn(db, { ...base, email: m.email, emailVerified: false })).toBeNull();
    expect(await linkExternalSignIn(db, { ...base, email: "stranger@example.test", emailVerified: true })).toBeNull();
    expect(await linkExternalSignIn(db, { ...base, email: null, emailVerified: true })).toBeNull();
    await setAccountDisabled(db, { email: m.email, disabled: true, by: "test" });
    expect(await linkExternalSignIn(db, { ...base, email: m.email, emailVerified: true })).toBeNull();
    const reasons = (sqliteOf(db).prepare("SELECT action, after FROM audit_log WHERE action LIKE 'auth.%' ORDER BY id").all() as { action: string; after: string }[]).map(
      (r) => [r.action, JSON.parse(r.after).reason],
    );
    expect(reasons).toEqual([
      ["auth.sign_in", "via oidc"],
      ["auth.sign_in_failed", "oidc: email_not_verified"],
      ["auth.sign_in_failed", "oidc: unknown_email"],
      ["auth.sign_in_failed", "oidc: no_email"],
      ["auth.sign_in_failed", "oidc: disabled"],
    ]);
  });
});
