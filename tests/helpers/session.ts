import { encode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { upsertUser } from "@/lib/users/create-user";

let seq = 0;

/** A session cookie as next-auth issues it (uid + session version), for route tests. */
export async function sessionCookie(userId: number, email: string, sv = 0): Promise<string> {
  const token = await encode({ token: { uid: userId, email, sub: String(userId), sv }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

/** A new user with `role` in the project, and their session cookie. */
export async function memberWithSession(db: Db, projectId: number, role: Role, password = "correct horse") {
  const email = `${role}-${process.pid}-${++seq}@example.test`;
  const { id } = await upsertUser(db, { email, password, projectId, role });
  return { id, email, password, cookie: await sessionCookie(id, email) };
}
