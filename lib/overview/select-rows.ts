import { matchesSearch, sortRows, type SortDir } from "@/lib/charts/table";
import type { FleetRow } from "./get-fleet-overview";

const HEALTH_ORDER = { bad: 3, warn: 2, ok: 1, idle: 0 } as const;

const SORT_KEYS: Record<string, (r: FleetRow) => number | string | null> = {
  name: (r) => r.name,
  count: (r) => r.count,
  errorRate: (r) => r.errorRate,
  p50: (r) => r.latencyMs.p50,
  p95: (r) => r.latencyMs.p95,
  p99: (r) => r.latencyMs.p99,
  tokens: (r) => r.inputTokens + r.outputTokens,
  costUsd: (r) => r.costUsd,
  hallucinationRate: (r) => r.hallucinationRate,
  health: (r) => HEALTH_ORDER[r.health],
};

/** Direction of a column's first sort click: names A→Z, numbers largest first. */
export function naturalSortDir(key: string): SortDir {
  return key === "name" ? "asc" : "desc";
}

/** The sort after a click on `key`: its natural order first, reversed on a second click. */
export function nextSort(current: { sort: string; dir: SortDir }, key: string): { sort: string; dir: SortDir } {
  if (current.sort !== key) return { sort: key, dir: naturalSortDir(key) };
  return { sort: key, dir: current.dir === "asc" ? "desc" : "asc" };
}

export interface FleetFilter {
  q?: string;
  kind: "all" | "llm" | "ml";
  health: "all" | FleetRow["health"];
  sort: string;
  dir: SortDir;
}

/** Filters (search, kind, health) and sorts fleet rows for the overview tables. */
export function selectFleetRows(rows: FleetRow[], f: FleetFilter): FleetRow[] {
  const kept = rows.filter(
    (r) => (f.kind === "all" || r.kind === "prompt" || r.kind === f.kind) && (f.health === "all" || r.health === f.health) && matchesSearch([r.name, r.key, r.kind], f.q ?? ""),
  );
  return sortRows(kept, SORT_KEYS[f.sort] ?? SORT_KEYS.count, f.dir);
}

export interface FleetTotals {
  count: number;
  errorRate: number | null;
  tokens: number;
  costUsd: number;
  flaggedCount: number;
  unhealthy: number;
}

/** Headline numbers across models (prompts are a different cut of the same calls, so not added). */
export function fleetTotals(models: FleetRow[]): FleetTotals {
  const count = models.reduce((s, r) => s + r.count, 0);
  const errors = models.reduce((s, r) => s + (r.errorRate ?? 0) * r.count, 0);
  return {
    count,
    errorRate: count > 0 ? errors / count : null,
    tokens: models.reduce((s, r) => s + r.inputTokens + r.outputTokens, 0),
    costUsd: models.reduce((s, r) => s + r.costUsd, 0),
    flaggedCount: models.reduce((s, r) => s + r.flaggedCount, 0),
    unhealthy: models.filter((r) => r.health === "bad" || r.health === "warn").length,
  };
}
