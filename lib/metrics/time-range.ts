import { z } from "zod";

export const DAY_MS = 86_400_000;

/** A query-string instant: ISO 8601 date-time or epoch milliseconds. */
export const instantParam = z.string().transform((v, ctx) => {
  const ms = /^\d+$/.test(v) ? Number(v) : /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time or epoch milliseconds" });
    return z.NEVER;
  }
  return ms;
});

/** `from`/`to` shared by the read endpoints; default is the last 24 hours. */
export const timeRangeParams = {
  from: instantParam.optional(),
  to: instantParam.optional(),
};

export interface TimeRange {
  from: number;
  to: number;
}

export function resolveRange(q: { from?: number; to?: number }, now = Date.now()): TimeRange {
  const to = q.to ?? now;
  return { from: q.from ?? to - DAY_MS, to };
}

/** zod refinement for schemas that spread `timeRangeParams`. */
export function rangeIsOrdered(q: { from?: number; to?: number }): boolean {
  return q.from === undefined || q.to === undefined || q.from < q.to;
}
