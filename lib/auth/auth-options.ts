import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { findUserByEmail } from "@/lib/users/create-user";
import { clientAddress } from "./client-address";
import { authSecret } from "./secret";
import { verifyCredentials } from "./verify-credentials";
import { loginThrottle } from "./login-throttle";
import { recordSignIn } from "@/lib/audit/record-audit";
import { headers } from "next/headers";
import { externalProviders, linkExternalSignIn } from "./external-providers";

/**
 * Email + password sign-in with JWT session cookies (the credentials provider requires the JWT
 * strategy). The token carries only the user id; roles are read per request from memberships,
 * so a role change takes effect at once.
 */
export function authOptions(): NextAuthOptions {
  // Self-hosted: without NEXTAUTH_URL, derive the origin from the request's Host header.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const db = getDb();
          const address = clientAddress(req.headers ?? {});
          const check = await verifyCredentials((e) => findUserByEmail(db, e), credentials.email, credentials.password, address, loginThrottle(db));
          const known = check.ok ? check.user : await findUserByEmail(db, credentials.email);
          await recordSignIn(db, {
            action: check.ok ? "auth.sign_in" : "auth.sign_in_failed",
            email: credentials.email, userId: known?.id ?? null, reason: check.ok ? undefined : check.reason, address, at: Date.now(),
          });
          if (!check.ok) return null;
          const u = check.user;
          return { id: String(u.id), email: u.email, name: u.name ?? u.email, sv: u.sessionVersion };
        },
      }),
      ...externalProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true; // credentials: authorize() decided
        const verified = account.provider === "github" || (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
        const address = clientAddress(Object.fromEntries(await headers()));
        return Boolean(await linkExternalSignIn(getDb(), { provider: account.provider, email: user.email, emailVerified: verified, address }));
      },
      async jwt({ token, user, account }) {
        if (user && account && account.type !== "credentials") {
          // Single sign-on: the provider's user id is not ours; the e-mail signIn() accepted is.
          const u = await findUserByEmail(getDb(), String(user.email));
          token.uid = u!.id;
          token.sv = u!.sessionVersion;
        } else if (user) {
          token.uid = Number(user.id);
          token.sv = (user as { sv?: number }).sv ?? 0; // checked per request (session-check.ts)
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: Number(token.uid), sv: Number(token.sv) || 0 });
        return session;
      },
    },
  };
}
