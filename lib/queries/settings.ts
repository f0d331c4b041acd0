import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { ApiKeyView } from "@/lib/auth/api-key-schemas";
import type { AuditPage } from "@/lib/audit/schemas";
import type { CreateMemberResult, Member } from "@/lib/members/schemas";
import type { Role, Scope } from "@/db/schema";
import type { GovernanceSettings } from "@/lib/governance/schemas";
import { apiGet, apiSend } from "./api-client";
import { queryKeys } from "./keys";

export type { ApiKeyView, AuditPage, CreateMemberResult, Member };

export function membersQuery(project: string | null) {
  return queryOptions({ queryKey: queryKeys.members(project), queryFn: () => apiGet<{ members: Member[] }>("/api/v1/members", { project }) });
}

export function apiKeysQuery(project: string | null) {
  return queryOptions({ queryKey: queryKeys.apiKeys(project), queryFn: () => apiGet<{ apiKeys: ApiKeyView[] }>("/api/v1/api-keys", { project }) });
}

export interface AuditFilters {
  action?: string;
  actor?: string;
  target?: string;
}

/** Pages of the audit log, newest first; the next page starts below the last entry's id. */
export function auditPagesQuery(project: string | null, filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit(project, { ...filters }),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => apiGet<AuditPage>("/api/v1/audit-log", { project, ...filters, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const addMember = (project: string | null, body: { email: string; role: Role; password?: string }) =>
  apiSend<CreateMemberResult>("POST", "/api/v1/members", body, { project });
export const updateMember = (project: string | null, userId: number, body: { role?: Role; disabled?: boolean }) =>
  apiSend<{ member: Member }>("PATCH", `/api/v1/members/${userId}`, body, { project });
export const removeMember = (project: string | null, userId: number) => apiSend<null>("DELETE", `/api/v1/members/${userId}`, undefined, { project });
export const createKey = (project: string | null, body: { name: string; scopes: Scope[] }) =>
  apiSend<{ apiKey: ApiKeyView & { key: string } }>("POST", "/api/v1/api-keys", body, { project });
export const revokeKey = (project: string | null, id: number) => apiSend<{ apiKey: ApiKeyView }>("DELETE", `/api/v1/api-keys/${id}`, undefined, { project });
export const changePassword = (body: { currentPassword: string; newPassword: string }) => apiSend<{ changed: true }>("POST", "/api/v1/account/password", body);

export function governanceQuery(project: string | null) {
  return queryOptions({ queryKey: queryKeys.governance(project), queryFn: () => apiGet<GovernanceSettings>("/api/v1/settings/governance", { project }) });
}
export const setRedaction = (project: string | null, mode: GovernanceSettings["redaction"]["mode"]) =>
  apiSend<GovernanceSettings>("PUT", "/api/v1/settings/redaction", { mode }, { project });
export const setRetentionDays = (project: string | null, days: number | null) => apiSend<GovernanceSettings>("PUT", "/api/v1/settings/retention", { days }, { project });
