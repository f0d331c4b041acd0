import type { Role, Scope } from "@/db/schema";

/**
 * What an actor may do. Routes and services name the permission they need; roles (for
 * members) and scopes (for API keys) are only two ways of granting sets of these — so "a
 * reviewer may submit verdicts" is said here, not by handing reviewers a key scope.
 * docs/api.md ("Permissions") renders this file as a table; keep them in step.
 */
export const PERMISSIONS = [
  "telemetry:read", // dashboards, metrics, events, traces, prompts and models as read
  "telemetry:write", // ingest (native and OTLP)
  "prompts:write", // register prompts and versions, move labels
  "models:write", // drift baselines, lineage
  "review:submit", // claim review items and submit verdicts
  "review:manage", // create and edit queues, enqueue, adjudicate, gold items
  "alerts:write", // alert rules, silences, acknowledgements
  "channels:write", // notification channels (they hold secrets and reach the network)
  "members:manage", // invite, change roles, disable
  "keys:manage", // create and revoke API keys
  "settings:manage", // price book, retention, redaction
  "audit:read", // the audit log
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = ["telemetry:read"];
const REVIEWER: readonly Permission[] = [...VIEWER, "review:submit"];
const ENGINEER: readonly Permission[] = [...REVIEWER, "prompts:write", "models:write", "review:manage", "alerts:write"];
const ADMIN: readonly Permission[] = PERMISSIONS;

/** Each role includes the one before it: viewer ⊂ reviewer ⊂ engineer ⊂ admin. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: VIEWER,
  reviewer: REVIEWER,
  engineer: ENGINEER,
  admin: ADMIN,
};

/**
 * API-key scopes. `ingest` keeps registering prompts (docs/api.md promised it before the
 * `prompts` scope existed); `admin` is everything a project admin may do.
 */
export const SCOPE_PERMISSIONS: Record<Scope, readonly Permission[]> = {
  ingest: ["telemetry:write", "prompts:write"],
  read: ["telemetry:read"],
  prompts: ["prompts:write"],
  review: ["review:submit"],
  admin: ADMIN,
};

export function permissionsOfRole(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function permissionsOfScopes(scopes: readonly Scope[]): ReadonlySet<Permission> {
  return new Set(scopes.flatMap((s) => SCOPE_PERMISSIONS[s] ?? []));
}
