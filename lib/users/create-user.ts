import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ROLES, user, type Role } from "@/db/schema";
import { setMembership } from "@/lib/projects/memberships";
import { ValidationError } from "@/lib/api/errors";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";

export interface UpsertUserInput {
  email: string;
  password: string;
  name?: string;
  projectId: number;
  role: Role;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates the user, or updates the password of an existing one, and sets the membership role
 * in the project. Idempotent, so headless init can run on every start.
 */
export async function upsertUser(db: Db, input: UpsertUserInput): Promise<{ id: number; created: boolean }> {
  const email = normaliseEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ValidationError("Invalid email", [{ path: "email", message: "must be an email address" }]);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError("Password too short", [{ path: "password", message: `at least ${MIN_PASSWORD_LENGTH} characters` }]);
  }
  if (!ROLES.includes(input.role)) throw new ValidationError("Invalid role", [{ path: "role", message: `one of ${ROLES.join(", ")}` }]);
  const passwordHash = await hashPassword(input.password);
  const now = Date.now();
  // Hashed above, outside the transaction: a transaction awaits only database work.
  return db.transaction(async (tx) => {
    const [existing] = await tx.orm.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1);
    let id: number;
    if (existing) {
      id = existing.id;
      await tx.orm.update(user).set({ passwordHash, ...(input.name ? { name: input.name } : {}) }).where(eq(user.id, id));
    } else {
      [{ id }] = await tx.orm.insert(user).values({ email, name: input.name ?? null, passwordHash, createdAt: now }).returning({ id: user.id });
    }
    await setMembership(tx, id, input.projectId, input.role);
    return { id, created: !existing };
  });
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.orm.select().from(user).where(eq(user.email, normaliseEmail(email))).limit(1);
  return row;
}
