import { queryOptions } from "@tanstack/react-query";
import type { AlertChannel } from "@/lib/alerts/channels/channel-schema";
import type { Delivery } from "@/lib/alerts/delivery/list-deliveries";
import type { Incident } from "@/lib/alerts/incidents/incident-schema";
import type { IncidentSeries } from "@/lib/alerts/incidents/get-incident-series";
import type { Silence } from "@/lib/alerts/incidents/silences";
import type { BacktestResult } from "@/lib/alerts/rules/backtest-rule";
import type { AlertRule } from "@/lib/alerts/rules/rule-view";
import { apiGet, apiSend } from "./api-client";
import { queryKeys } from "./keys";

export type { AlertChannel, AlertRule, BacktestResult, Delivery, Incident, IncidentSeries, Silence };

export const alertRulesQuery = (project: string | null) =>
  queryOptions({ queryKey: queryKeys.alertRules(project), queryFn: () => apiGet<{ rules: AlertRule[] }>("/api/v1/alert-rules", { project }) });

export const alertChannelsQuery = (project: string | null) =>
  queryOptions({ queryKey: queryKeys.alertChannels(project), queryFn: () => apiGet<{ channels: AlertChannel[] }>("/api/v1/alert-channels", { project }) });

export const silencesQuery = (project: string | null) =>
  queryOptions({ queryKey: queryKeys.silences(project), queryFn: () => apiGet<{ silences: Silence[] }>("/api/v1/silences", { project }) });

export const alertDeliveriesQuery = (project: string | null, filter: { channelId?: number; incidentId?: number } = {}) =>
  queryOptions({
    queryKey: queryKeys.alertDeliveries(project, filter),
    queryFn: () => apiGet<{ deliveries: Delivery[] }>("/api/v1/alert-deliveries", { project, ...filter }),
    // Retries land in the log on their own: keep it fresh while the page is open.
    refetchInterval: 10_000,
  });

export const incidentsQuery = (project: string | null, filter: { state?: string; ruleId?: number } = {}) =>
  queryOptions({
    queryKey: queryKeys.incidents(project, filter),
    queryFn: () => apiGet<{ incidents: Incident[] }>("/api/v1/incidents", { project, ...filter }),
    refetchInterval: 30_000,
  });

export const incidentQuery = (project: string | null, id: number) =>
  queryOptions({ queryKey: queryKeys.incident(project, id), queryFn: () => apiGet<Incident>(`/api/v1/incidents/${id}`, { project }) });

export const incidentSeriesQuery = (project: string | null, id: number) =>
  queryOptions({ queryKey: queryKeys.incidentSeries(project, id), queryFn: () => apiGet<IncidentSeries>(`/api/v1/incidents/${id}/series`, { project }) });

export const backtestRule = (project: string | null, draft: unknown) => apiSend<BacktestResult>("POST", "/api/v1/alert-rules/backtest", draft, { project });
export const createRule = (project: string | null, draft: unknown) => apiSend<AlertRule>("POST", "/api/v1/alert-rules", draft, { project });
export const updateRule = (project: string | null, id: number, patch: unknown) => apiSend<AlertRule>("PATCH", `/api/v1/alert-rules/${id}`, patch, { project });
export const deleteRule = (project: string | null, id: number) => apiSend<{ deleted: true }>("DELETE", `/api/v1/alert-rules/${id}`, undefined, { project });
export const setRuleEnabled = (project: string | null, id: number, enabled: boolean) => apiSend<AlertRule>("PATCH", `/api/v1/alert-rules/${id}`, { enabled }, { project });
export const createChannel = (project: string | null, input: unknown) => apiSend<AlertChannel & { secret?: string }>("POST", "/api/v1/alert-channels", input, { project });
export const updateChannel = (project: string | null, id: number, patch: unknown) => apiSend<AlertChannel>("PATCH", `/api/v1/alert-channels/${id}`, patch, { project });
export const deleteChannel = (project: string | null, id: number) => apiSend<{ deleted: true }>("DELETE", `/api/v1/alert-channels/${id}`, undefined, { project });
export const reenableChannel = (project: string | null, id: number) => apiSend<AlertChannel>("PATCH", `/api/v1/alert-channels/${id}`, { enabled: true }, { project });
export const sendTest = (project: string | null, id: number) => apiSend<{ notificationId: string }>("POST", `/api/v1/alert-channels/${id}/test`, {}, { project });
export const acknowledge = (project: string | null, id: number) => apiSend<Incident>("POST", `/api/v1/incidents/${id}/ack`, {}, { project });
export const createSilence = (project: string | null, input: unknown) => apiSend<Silence>("POST", "/api/v1/silences", input, { project });
export const endSilence = (project: string | null, id: number) => apiSend<Silence>("POST", `/api/v1/silences/${id}/end`, {}, { project });
