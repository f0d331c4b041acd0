import type { Db } from "@/db/client";
import { auditLog, type AuditActorKind } from "@/db/schema";
import { actorLabel, type Actor, type ServiceContext } from "@/lib/services/context";

export interface AuditEntry {
  /** Dotted verb: `member.create`, `api_key.revoke`, `prompt.label`, `settings.redaction`. */
  action: string;
  /** What was acted on: `user:12`, `api_key:3`, `prompt:support-answer@v2`. */
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

function actorColumns(actor: Actor): { actorKind: AuditActorKind; actorId: number | null; actorLabel: string } {
  const id = actor.kind === "member" ? actor.userId : actor.kind === "api_key" ? actor.keyId : null;
  return { actorKind: actor.kind, actorId: id, actorLabel: actorLabel(actor) };
}

/**
 * Appends one audit entry: the actor, project, request and address come from the context, the
 * time from its clock. Call it inside the transaction that makes the change, with the
 * transaction's handle (`recordAudit({ ...ctx, db: tx }, …)`), so the change and its record
 * commit or roll back together. This is the helper other services (alerts, review, pricing)
 * call; there is no update or delete counterpart anywhere.
 */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await ctx.db.orm.insert(auditLog).values({
    projectId: ctx.projectId,
    at: ctx.now(),
    ...actorColumns(ctx.actor),
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    address: ctx.address ?? null,
    requestId: ctx.requestId,
  });
}

/** The same context on a transaction handle, for recordAudit and services called inside it. */
export function inTransaction(ctx: ServiceContext, tx: Db): ServiceContext {
  return { ...ctx, db: tx };
}

export interface SignInAudit {
  action: "auth.sign_in" | "auth.sign_in_failed";
  email: string;
  userId: number | null;
  reason?: string;
  address: string | null;
  at: number;
}

/** Sign-ins happen outside any project: the entry has no project and the member (if known) as actor. */
export async function recordSignIn(db: Db, e: SignInAudit): Promise<void> {
  await db.orm.insert(auditLog).values({
    projectId: null,
    at: e.at,
    actorKind: e.userId ? "member" : "anonymous",
    actorId: e.userId,
    actorLabel: e.email.trim().toLowerCase().slice(0, 320),
    action: e.action,
    target: e.userId ? `user:${e.userId}` : null,
    after: e.reason ? { reason: e.reason } : null,
    address: e.address,
  });
}
