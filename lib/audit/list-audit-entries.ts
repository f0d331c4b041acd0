import { and, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { auditLog, membership } from "@/db/schema";
import { authorize, type ServiceContext } from "@/lib/services/context";
import type { AuditEntryView, AuditPage, AuditQuery } from "./schemas";
import { toCsv } from "./to-csv";

/** LIKE with the user's text taken literally (% and _ escaped), on SQLite and PostgreSQL alike. */
function likeLiteral(column: AnyColumn, prefix: string, text: string, suffix: string): SQL {
  return sql`${column} LIKE ${prefix + text.replace(/[\\%_]/g, (c) => `\\${c}`) + suffix} ESCAPE '\\'`;
}

/**
 * The project's entries, newest first, plus sign-in entries (which belong to no project) of its
 * members and of unknown e-mails — an admin wants to see a password-guessing run.
 */
function scope(ctx: ServiceContext): SQL {
  const members = ctx.db.orm.select({ id: membership.userId }).from(membership).where(eq(membership.projectId, ctx.projectId));
  return or(eq(auditLog.projectId, ctx.projectId), and(isNull(auditLog.projectId), or(isNull(auditLog.actorId), inArray(auditLog.actorId, members))))!;
}

function filters(q: AuditQuery): (SQL | undefined)[] {
  return [
    q.action ? (q.action.endsWith(".") ? likeLiteral(auditLog.action, "", q.action, "%") : eq(auditLog.action, q.action)) : undefined,
    q.actor ? likeLiteral(auditLog.actorLabel, "%", q.actor.toLowerCase(), "%") : undefined,
    q.target ? eq(auditLog.target, q.target) : undefined,
    q.from !== undefined ? gte(auditLog.at, q.from) : undefined,
    q.to !== undefined ? lte(auditLog.at, q.to) : undefined,
    q.cursor ? lt(auditLog.id, q.cursor) : undefined,
  ];
}

export async function listAuditEntries(ctx: ServiceContext, q: AuditQuery): Promise<AuditPage> {
  authorize(ctx, "audit:read");
  const rows = await ctx.db.orm
    .select()
    .from(auditLog)
    .where(and(scope(ctx), ...filters(q)))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const entries: AuditEntryView[] = page.map((r) => ({
    id: r.id, at: new Date(r.at).toISOString(), actorKind: r.actorKind, actorId: r.actorId, actor: r.actorLabel, action: r.action,
    target: r.target, before: r.before ?? null, after: r.after ?? null, address: r.address, requestId: r.requestId,
  }));
  return { entries, nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

export const AUDIT_CSV_MAX_ROWS = 50_000;

/** The filtered log as CSV (formula-safe), newest first, up to AUDIT_CSV_MAX_ROWS entries. */
export async function exportAuditCsv(ctx: ServiceContext, q: Omit<AuditQuery, "limit" | "cursor">): Promise<string> {
  const rows: AuditEntryView[] = [];
  let cursor: number | undefined;
  do {
    const page = await listAuditEntries(ctx, { ...q, cursor, limit: 500 });
    rows.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < AUDIT_CSV_MAX_ROWS);
  return toCsv(
    ["id", "at", "actor_kind", "actor_id", "actor", "action", "target", "before", "after", "address", "request_id"],
    rows.slice(0, AUDIT_CSV_MAX_ROWS).map((e) => [e.id, e.at, e.actorKind, e.actorId, e.actor, e.action, e.target, e.before, e.after, e.address, e.requestId]),
  );
}
