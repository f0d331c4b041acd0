import type { Role, Scope } from "@/db/schema";

/**
 * What a signed-in member may do, expressed in API-key scopes so one check covers both kinds
 * of caller. The governance issue will refine this into a full role matrix.
 */
export const ROLE_GRANTS: Record<Role, readonly Scope[]> = {
  admin: ["ingest", "read", "admin"],
  engineer: ["ingest", "read"],
  reviewer: ["read"],
  viewer: ["read"],
};

export function roleAllows(role: Role, scope: Scope): boolean {
  return ROLE_GRANTS[role].includes(scope);
}
