import { z } from "zod";
import { INCIDENT_STATES, type alertIncident } from "@/db/schema";

export const listIncidentsQuerySchema = z.object({
  state: z.enum([...INCIDENT_STATES, "open"]).optional(),
  ruleId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListIncidentsQuery = z.output<typeof listIncidentsQuerySchema>;

export const incidentSchema = z.object({
  id: z.number().int(),
  ruleId: z.number().int(),
  ruleName: z.string(),
  metric: z.string(),
  groupKey: z.string(),
  labels: z.record(z.string(), z.string()),
  state: z.enum(INCIDENT_STATES),
  severity: z.enum(["warning", "critical"]).nullable(),
  value: z.number().nullable(),
  startedAt: z.number(),
  firedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  acknowledgedAt: z.number().nullable(),
  acknowledgedBy: z.string().nullable(),
  history: z.array(z.object({ at: z.number(), kind: z.string(), from: z.string(), to: z.string(), severity: z.string().nullable(), value: z.number().nullable() })),
});
export type Incident = z.infer<typeof incidentSchema>;

export function toIncident(i: typeof alertIncident.$inferSelect, rule: { name: string; metric: string }): Incident {
  return {
    id: i.id, ruleId: i.ruleId, ruleName: rule.name, metric: rule.metric, groupKey: i.groupKey, labels: i.labels, state: i.state, severity: i.severity,
    value: i.value, startedAt: i.startedAt, firedAt: i.firedAt, resolvedAt: i.resolvedAt, acknowledgedAt: i.acknowledgedAt,
    acknowledgedBy: i.acknowledgedBy, history: i.history,
  };
}
