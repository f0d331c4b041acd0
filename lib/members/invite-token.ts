import { createHash, randomBytes } from "node:crypto";

/** Invites are valid for 7 days; the token is 32 random bytes, stored only as its SHA-256. */
export const INVITE_TTL_MS = 7 * 86_400_000;

export function generateInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The path of the acceptance page; the API answers it absolute when it knows its origin. */
export function invitePath(token: string): string {
  return `/invite/${token}`;
}
