/**
 * Windows end a little before now: rollup rows of the last minute are still being written
 * (the ingest writer commits in groups), and reading a half-written minute would look like a
 * sudden drop. The window ends at the last whole minute at least WINDOW_LAG_MS ago.
 */
export const WINDOW_LAG_MS = 30_000;
const MINUTE = 60_000;
export const WEEK_MS = 7 * 86_400_000;

export interface Window {
  from: number;
  to: number;
}

export function evaluationWindow(now: number, windowSeconds: number): Window {
  const to = Math.floor((now - WINDOW_LAG_MS) / MINUTE) * MINUTE;
  return { from: to - windowSeconds * 1000, to };
}

/** The window a relative rule compares against. */
export function baselineWindow(w: Window, baseline: "previous_window" | "last_week"): Window {
  if (baseline === "last_week") return { from: w.from - WEEK_MS, to: w.to - WEEK_MS };
  return { from: w.from - (w.to - w.from), to: w.from };
}
