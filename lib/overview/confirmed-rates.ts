import type { HumanHallucinationRate } from "@/lib/review/hallucination-rate";

/** Human-confirmed hallucinations of one model or prompt, summed over its versions. */
export interface ConfirmedRate {
  reviewed: number;
  confirmed: number;
  rate: number;
}

/**
 * Folds the per-version human-confirmed rates (GET /api/v1/review/hallucination-rates) into one
 * figure per model or per prompt for the overview's tables, keyed like their rows (model name,
 * prompt key), plus the project total. Rates are pooled (confirmed ÷ reviewed), not averaged, so a
 * version with two reviewed events does not weigh as much as one with two hundred.
 */
export function confirmedRatesBy(rows: readonly HumanHallucinationRate[], entity: "model" | "prompt"): Map<string, ConfirmedRate> {
  const out = new Map<string, ConfirmedRate>();
  for (const r of rows) {
    const key = entity === "model" ? r.model : r.promptId;
    if (key === null) continue;
    const acc = out.get(key) ?? { reviewed: 0, confirmed: 0, rate: 0 };
    acc.reviewed += r.reviewed;
    acc.confirmed += r.confirmed;
    acc.rate = acc.confirmed / acc.reviewed;
    out.set(key, acc);
  }
  return out;
}

/** Every reviewed event of the project once (each event belongs to one model-version-prompt row). */
export function confirmedTotal(rows: readonly HumanHallucinationRate[]): ConfirmedRate | null {
  const reviewed = rows.reduce((s, r) => s + r.reviewed, 0);
  if (reviewed === 0) return null;
  const confirmed = rows.reduce((s, r) => s + r.confirmed, 0);
  return { reviewed, confirmed, rate: confirmed / reviewed };
}
