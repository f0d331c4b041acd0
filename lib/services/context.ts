import type { Db } from "@/db/client";
import type { Role, Scope } from "@/db/schema";
import { ForbiddenError } from "@/lib/api/errors";
import { permissionsOfRole, permissionsOfScopes, type Permission } from "@/lib/auth/permissions";

/** Who is acting: a signed-in member, an API key, or Sightline itself (scheduler, CLI, seed). */
export type Actor =
  | { kind: "member"; userId: number; email: string; role: Role; permissions: ReadonlySet<Permission> }
  | { kind: "api_key"; keyId: number; scopes: Scope[]; permissions: ReadonlySet<Permission> }
  | { kind: "system"; name: string };

/**
 * The one argument every service takes first (docs/architecture.md): the storage handle,
 * the project every query is filtered by, the actor (for permission checks, authorship and
 * the audit log), the request id (for logs and errors) and the clock (tests pass a fixed one).
 * Services are `async (ctx, input) => result` on every dialect.
 */
export interface ServiceContext {
  db: Db;
  projectId: number;
  actor: Actor;
  requestId: string;
  now(): number;
  /** The client's address when the work comes from a request (for the audit log). */
  address?: string | null;
}

export function memberActor(m: { userId: number; email: string; role: Role }): Actor {
  return { kind: "member", userId: m.userId, email: m.email, role: m.role, permissions: permissionsOfRole(m.role) };
}

export function apiKeyActor(k: { keyId: number; scopes: Scope[] }): Actor {
  return { kind: "api_key", keyId: k.keyId, scopes: k.scopes, permissions: permissionsOfScopes(k.scopes) };
}

export function systemActor(name: string): Actor {
  return { kind: "system", name };
}

/** A context for work Sightline does by itself (jobs, CLI, seeding): every permission. */
export function systemContext(db: Db, projectId: number, name: string, now: () => number = Date.now): ServiceContext {
  return { db, projectId, actor: systemActor(name), requestId: `system:${name}`, now };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === "system" || actor.permissions.has(permission);
}

/** Throws 403 unless the actor holds `permission`. Services call it first; `withApi` calls it too. */
export function authorize(ctx: Pick<ServiceContext, "actor">, permission: Permission): void {
  if (can(ctx.actor, permission)) return;
  const who = ctx.actor.kind === "member" ? `Role '${ctx.actor.role}'` : "This API key";
  throw new ForbiddenError(`${who} lacks the '${permission}' permission`);
}

/** The member acting, for services that record authorship (verdicts, leases); 403 for keys. */
export function requireMember(ctx: ServiceContext): Extract<Actor, { kind: "member" }> {
  if (ctx.actor.kind !== "member") throw new ForbiddenError("Only a signed-in member can do this");
  return ctx.actor;
}

/** A short label of the actor for logs and the audit log. */
export function actorLabel(actor: Actor): string {
  return actor.kind === "member" ? actor.email : actor.kind === "api_key" ? `api-key:${actor.keyId}` : `system:${actor.name}`;
}
