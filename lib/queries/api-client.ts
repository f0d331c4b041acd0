/** One `{path, message}` of the API's error `details` (a zod issue: which field failed). */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** Thrown for non-2xx answers; carries the API's `{error: {code, message, details}}` when present. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown } } | null;

function toRequestError(status: number, data: unknown): ApiRequestError {
  const err = (data as ErrorBody)?.error;
  const details = Array.isArray(err?.details)
    ? err.details.filter((d): d is ApiErrorDetail => typeof d?.path === "string" && typeof d?.message === "string")
    : [];
  return new ApiRequestError(status, err?.code ?? "http_error", err?.message ?? `HTTP ${status}`, details);
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export function toSearch(params: QueryParams): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

async function request<T>(method: string, path: string, params: QueryParams = {}, body?: unknown): Promise<T> {
  const res = await fetch(path + toSearch(params), {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  // 204 (e.g. "nothing left to review") has no body.
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw toRequestError(res.status, data);
  return data as T;
}

export const apiGet = <T>(path: string, params?: QueryParams) => request<T>("GET", path, params);
/** POSTs a non-JSON body (a CSV upload) and reads the JSON answer like the others. */
export async function apiPostText<T>(path: string, text: string, contentType: string, params: QueryParams = {}): Promise<T> {
  const res = await fetch(path + toSearch(params), { method: "POST", headers: { "content-type": contentType }, body: text, credentials: "same-origin" });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw toRequestError(res.status, data);
  return data as T;
}

export const apiSend = <T>(method: "POST" | "PATCH" | "PUT" | "DELETE", path: string, body: unknown, params?: QueryParams) =>
  request<T>(method, path, params, body);
