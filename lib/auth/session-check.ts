import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { user } from "@/db/schema";

export interface SessionClaims {
  uid?: unknown;
  /** The user's session version when the token was issued (absent on tokens older than it: 0). */
  sv?: unknown;
}

/**
 * Session tokens are stateless JWTs, so a password change, a disabled account or "sign out
 * everywhere" could not end them before they expire (7 days). Every request checks the user
 * row instead — one primary-key read — and refuses a token whose version is behind.
 */
export async function activeSessionUser(db: Db, claims: SessionClaims): Promise<{ id: number; email: string; sessionVersion: number } | null> {
  const id = Number(claims.uid);
  if (!Number.isInteger(id)) return null;
  const [row] = await db.orm
    .select({ id: user.id, email: user.email, disabledAt: user.disabledAt, sessionVersion: user.sessionVersion })
    .from(user)
    .where(eq(user.id, id))
    .limit(1);
  if (!row || row.disabledAt) return null;
  if ((Number(claims.sv) || 0) !== row.sessionVersion) return null;
  return { id: row.id, email: row.email, sessionVersion: row.sessionVersion };
}
