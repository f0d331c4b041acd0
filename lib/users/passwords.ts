import bcrypt from "bcryptjs";

/** bcryptjs: pure JS (no native build), well-kept, cost 12 ≈ 250 ms per hash on these machines. */
const COST = 12;
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
