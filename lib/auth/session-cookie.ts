import { encode } from "next-auth/jwt";
import { authSecret } from "./secret";

export const SESSION_MAX_AGE_S = 7 * 24 * 3600;

/**
 * Sets a fresh next-auth session cookie on `res` (same name, encoding and attributes next-auth
 * uses), for the session that just changed its password and so moved its session version on.
 */
export async function setSessionCookie(res: Response, claims: { userId: number; email: string; sessionVersion: number }, https: boolean): Promise<void> {
  const token = await encode({
    token: { sub: String(claims.userId), uid: claims.userId, email: claims.email, name: claims.email, sv: claims.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_S,
  });
  const name = `${https ? "__Secure-" : ""}next-auth.session-token`;
  res.headers.append("set-cookie", `${name}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE_S}${https ? "; Secure" : ""}`);
}
