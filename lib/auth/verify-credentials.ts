import { verifyPassword } from "@/lib/users/passwords";
import type { LoginThrottle } from "./login-throttle";

/**
 * A bcrypt hash (cost 12, the same as real ones) of a random string nobody knows. Unknown
 * e-mails are checked against it so they take as long as known ones: the response time must
 * not reveal who has an account.
 */
export const DUMMY_PASSWORD_HASH = "$2b$12$RffZy5C46Y7S8h69sKLDPOVGq8WqrKh5NUOdT//ePyqiLw9/9a25u";

export interface CredentialUser {
  id: number;
  email: string;
  name: string | null;
  passwordHash: string;
  disabledAt: number | null;
  sessionVersion: number;
}

export type CredentialCheck =
  | { ok: true; user: CredentialUser }
  | { ok: false; reason: "unknown_email" | "wrong_password" | "disabled" };

/**
 * Checks an e-mail and password in constant time with respect to whether the account exists,
 * and feeds the sign-in throttle (failures count against the account and the client address).
 */
export async function verifyCredentials(
  lookup: (email: string) => Promise<CredentialUser | undefined> | CredentialUser | undefined,
  email: string,
  password: string,
  address: string | null,
  throttle: LoginThrottle,
  now: number = Date.now(),
): Promise<CredentialCheck> {
  const u = await lookup(email);
  const match = await verifyPassword(password, u?.passwordHash ?? DUMMY_PASSWORD_HASH);
  const result: CredentialCheck = !u
    ? { ok: false, reason: "unknown_email" }
    : !match
      ? { ok: false, reason: "wrong_password" }
      : u.disabledAt
        ? { ok: false, reason: "disabled" }
        : { ok: true, user: u };
  if (result.ok) await throttle.recordSuccess(email, now);
  else await throttle.recordFailure({ account: email, address }, now);
  return result;
}
