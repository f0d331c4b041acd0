import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { findUserByEmail } from "@/lib/users/create-user";
import { clientAddress } from "./client-address";
import { authSecret } from "./secret";
import { verifyCredentials } from "./verify-credentials";

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
          const check = await verifyCredentials((e) => findUserByEmail(getDb(), e), credentials.email, credentials.password, clientAddress(req.headers ?? {}));
          if (!check.ok) return null;
          const u = check.user;
          return { id: String(u.id), email: u.email, name: u.name ?? u.email };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.uid = Number(user.id);
        return token;
      },
      session({ session, token }) {
        if (session.user) (session.user as { id?: number }).id = Number(token.uid);
        return session;
      },
    },
  };
}
