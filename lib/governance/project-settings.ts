import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projectSetting } from "@/db/schema";
import { inTransaction, recordAudit } from "@/lib/audit/record-audit";
import { authorize, type ServiceContext } from "@/lib/services/context";
import type { GovernanceSettings, RedactionSetting, RetentionSetting } from "./schemas";

type Row = typeof projectSetting.$inferSelect;

export async function readSettingRow(db: Db, projectId: number): Promise<Row | undefined> {
  const [row] = await db.orm.select().from(projectSetting).where(eq(projectSetting.projectId, projectId)).limit(1);
  return row;
}

function view(row: Row | undefined): GovernanceSettings {
  return {
    redaction: { mode: row?.redactionMode ?? "off" },
    retention: { days: row?.retentionDays ?? null },
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
  };
}

export async function getGovernanceSettings(ctx: ServiceContext): Promise<GovernanceSettings> {
  authorize(ctx, "telemetry:read");
  return view(await readSettingRow(ctx.db, ctx.projectId));
}

async function update(ctx: ServiceContext, set: Partial<Pick<Row, "redactionMode" | "retentionDays">>, action: string): Promise<GovernanceSettings> {
  authorize(ctx, "settings:manage");
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const before = view(await readSettingRow(tx, ctx.projectId));
    await tx.orm
      .insert(projectSetting)
      .values({ projectId: ctx.projectId, updatedAt: now, ...set })
      .onConflictDoUpdate({ target: projectSetting.projectId, set: { ...set, updatedAt: now } });
    const after = view(await readSettingRow(tx, ctx.projectId));
    await recordAudit(inTransaction(ctx, tx), { action, target: "project_setting", before: { redaction: before.redaction, retention: before.retention }, after: { redaction: after.redaction, retention: after.retention } });
  });
  return view(await readSettingRow(ctx.db, ctx.projectId));
}

/** PUT /api/v1/settings/redaction: applies from the next ingested batch on, in every process. */
export function setRedactionMode(ctx: ServiceContext, input: RedactionSetting): Promise<GovernanceSettings> {
  return update(ctx, { redactionMode: input.mode }, "settings.redaction");
}

export function setRetention(ctx: ServiceContext, input: RetentionSetting): Promise<GovernanceSettings> {
  return update(ctx, { retentionDays: input.days }, "settings.retention");
}
