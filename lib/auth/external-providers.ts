import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import type { Db } from "@/db/client";
import { recordSignIn } from "@/lib/audit/record-audit";
import { findUserByEmail } from "@/lib/users/create-user";

type Env = Record<string, string | undefined>;

export interface ExternalProviderInfo {
  id: "github" | "oidc";
  name: string;
}

/**
 * Optional single sign-on, each enabled by its environment variables:
 * GitHub (SIGHTLINE_GITHUB_CLIENT_ID / _SECRET) and any OpenID Connect issuer
 * (SIGHTLINE_OIDC_ISSUER / _CLIENT_ID / _CLIENT_SECRET, optional _NAME).
 */
export function externalProviderInfo(env: Env = process.env): ExternalProviderInfo[] {
  const out: ExternalProviderInfo[] = [];
  if (env.SIGHTLINE_GITHUB_CLIENT_ID && env.SIGHTLINE_GITHUB_CLIENT_SECRET) out.push({ id: "github", name: "GitHub" });
  if (env.SIGHTLINE_OIDC_ISSUER && env.SIGHTLINE_OIDC_CLIENT_ID && env.SIGHTLINE_OIDC_CLIENT_SECRET) out.push({ id: "oidc", name: env.SIGHTLINE_OIDC_NAME || "Single sign-on" });
  return out;
}

export function externalProviders(env: Env = process.env): Provider[] {
  return externalProviderInfo(env).map((p): Provider =>
    p.id === "github"
      ? GitHubProvider({ clientId: env.SIGHTLINE_GITHUB_CLIENT_ID!, clientSecret: env.SIGHTLINE_GITHUB_CLIENT_SECRET! })
      : {
          id: "oidc",
          name: p.name,
          type: "oauth",
          wellKnown: `${env.SIGHTLINE_OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
          authorization: { params: { scope: "openid email profile" } },
          idToken: true,
          checks: ["pkce", "state"],
          clientId: env.SIGHTLINE_OIDC_CLIENT_ID!,
          clientSecret: env.SIGHTLINE_OIDC_CLIENT_SECRET!,
          profile: (profile: { sub: string; email?: string; name?: string; email_verified?: boolean }) => ({
            id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null, emailVerified: profile.email_verified === true,
          }),
        },
  );
}

export interface ExternalSignIn {
  provider: string;
  email: string | null | undefined;
  /** OIDC: the issuer's `email_verified`; GitHub returns only the account's primary address. */
  emailVerified: boolean;
  address: string | null;
  now?: number;
}

/**
 * Single sign-on never creates accounts: the e-mail the provider vouches for must belong to an
 * enabled member (added by an admin, with or without a password). Returns the Sightline user,
 * or null (next-auth then answers AccessDenied). Audited either way.
 */
export async function linkExternalSignIn(db: Db, s: ExternalSignIn): Promise<{ id: number; email: string; sessionVersion: number } | null> {
  const email = s.email?.trim().toLowerCase() ?? "";
  const u = email ? await findUserByEmail(db, email) : undefined;
  const reason = !email ? "no_email" : !s.emailVerified ? "email_not_verified" : !u ? "unknown_email" : u.disabledAt ? "disabled" : null;
  await recordSignIn(db, {
    action: reason ? "auth.sign_in_failed" : "auth.sign_in", email: email || `(${s.provider} account without e-mail)`, userId: u?.id ?? null,
    reason: reason ? `${s.provider}: ${reason}` : `via ${s.provider}`, address: s.address, at: s.now ?? Date.now(),
  });
  return reason || !u ? null : { id: u.id, email: u.email, sessionVersion: u.sessionVersion };
}
