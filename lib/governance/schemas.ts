import { z } from "zod";
import { REDACTION_MODES } from "@/db/schema";

export const redactionSettingSchema = z.object({ mode: z.enum(REDACTION_MODES) });
/** Days of raw events to keep; null keeps them forever. Rollups (aggregates) are always kept. */
export const retentionSettingSchema = z.object({ days: z.number().int().min(1).max(3650).nullable() });

export const governanceSettingsSchema = z.object({
  redaction: redactionSettingSchema,
  retention: retentionSettingSchema,
  updatedAt: z.string().nullable(),
});

export type RedactionSetting = z.output<typeof redactionSettingSchema>;
export type RetentionSetting = z.output<typeof retentionSettingSchema>;
export type GovernanceSettings = z.output<typeof governanceSettingsSchema>;
