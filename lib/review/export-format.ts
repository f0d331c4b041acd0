import { csvRow, parseCsv, unneutraliseCell, type CsvCell } from "@/lib/export/csv";
import type { Rubric, RubricField, RubricValue, RubricValues } from "./rubric";

/**
 * The export of a queue (`GET /api/v1/review-queues/{id}/export`): one record per item with its
 * event, every verdict (superseded ones too, so the history survives) and the final label.
 * JSONL writes one item per line; CSV one row per verdict (an item without verdicts gets one row
 * with the verdict columns empty), the item's columns repeated on each of its rows.
 */
export interface ExportVerdict {
  id: number;
  reviewer: string;
  createdAt: string;
  values: RubricValues;
  comment: string | null;
  correctedOutput: string | null;
  /** Id of the verdict this one replaced, if any. */
  supersedes: number | null;
  /** False once a later verdict of the same reviewer supersedes it. */
  current: boolean;
  /** Served as an unannounced gold check. */
  gold: boolean;
}

export interface ExportItem {
  itemId: number;
  eventId: string;
  enqueuedAt: string;
  isGold: boolean;
  event: {
    timestamp: string;
    model: string | null;
    modelVersion: string | null;
    promptId: string | null;
    promptVersion: number | null;
    environment: string;
    flagged: boolean | null;
    hallucinationScore: number | null;
    input: string | null;
    output: string | null;
  };
  verdicts: ExportVerdict[];
  /** Adjudicated values, else the values all current verdicts agree on; null without verdicts. */
  finalLabel: RubricValues | null;
  finalSource: "adjudication" | "consensus" | null;
}

export function jsonlLine(item: ExportItem): string {
  return JSON.stringify(item) + "\n";
}

const ITEM_COLUMNS = [
  "item_id", "event_id", "enqueued_at", "is_gold", "event_timestamp", "model", "model_version", "prompt_id",
  "prompt_version", "environment", "detector_flagged", "detector_score", "input", "output",
] as const;
const VERDICT_COLUMNS = ["verdict_id", "reviewer", "verdict_at", "supersedes", "current", "gold_check"] as const;

export function csvHeader(rubric: Rubric): string {
  return csvRow([
    ...ITEM_COLUMNS, ...VERDICT_COLUMNS, ...rubric.map((f) => `value.${f.key}`), "comment", "corrected_output",
    ...rubric.map((f) => `final.${f.key}`), "final_source",
  ]);
}

export function csvRows(rubric: Rubric, item: ExportItem): string {
  const e = item.event;
  const itemCells: CsvCell[] = [
    item.itemId, item.eventId, item.enqueuedAt, item.isGold, e.timestamp, e.model, e.modelVersion, e.promptId,
    e.promptVersion, e.environment, e.flagged, e.hallucinationScore, e.input, e.output,
  ];
  const finalCells: CsvCell[] = [...rubric.map((f) => item.finalLabel?.[f.key]), item.finalSource];
  const verdicts: (ExportVerdict | null)[] = item.verdicts.length > 0 ? item.verdicts : [null];
  return verdicts
    .map((v) =>
      csvRow([
        ...itemCells,
        ...(v
          ? [v.id, v.reviewer, v.createdAt, v.supersedes, v.current, v.gold, ...rubric.map((f) => v.values[f.key]), v.comment, v.correctedOutput]
          : Array<CsvCell>(VERDICT_COLUMNS.length + rubric.length + 2).fill(null)),
        ...finalCells,
      ]),
    )
    .join("");
}

/**
 * Reads a CSV export back into items (for re-import and the round-trip test). Empty cells are
 * absent values: the format does not distinguish an empty comment from none.
 */
export function parseCsvExport(rubric: Rubric, text: string): ExportItem[] {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`CSV export lacks column ${name}`);
    return i;
  };
  const items = new Map<number, ExportItem>();
  for (const r of rows) {
    const cell = (name: string): string | null => (r[col(name)] === "" ? null : unneutraliseCell(r[col(name)]));
    const num = (name: string) => (cell(name) === null ? null : Number(cell(name)));
    const bool = (name: string) => (cell(name) === null ? null : cell(name) === "true");
    const itemId = Number(cell("item_id"));
    let item = items.get(itemId);
    if (!item) {
      const finalLabel = readValues(rubric, (f) => cell(`final.${f.key}`));
      const finalSource = cell("final_source") as ExportItem["finalSource"];
      item = {
        itemId, eventId: cell("event_id")!, enqueuedAt: cell("enqueued_at")!, isGold: bool("is_gold")!,
        event: {
          timestamp: cell("event_timestamp")!, model: cell("model"), modelVersion: cell("model_version"),
          promptId: cell("prompt_id"), promptVersion: num("prompt_version"), environment: cell("environment")!,
          flagged: bool("detector_flagged"), hallucinationScore: num("detector_score"), input: cell("input"), output: cell("output"),
        },
        verdicts: [],
        finalLabel: finalSource ? finalLabel : null,
        finalSource,
      };
      items.set(itemId, item);
    }
    if (cell("verdict_id") === null) continue;
    item.verdicts.push({
      id: num("verdict_id")!, reviewer: cell("reviewer")!, createdAt: cell("verdict_at")!,
      values: readValues(rubric, (f) => cell(`value.${f.key}`)), comment: cell("comment"),
      correctedOutput: cell("corrected_output"), supersedes: num("supersedes"), current: bool("current")!, gold: bool("gold_check")!,
    });
  }
  return [...items.values()];
}

function readValues(rubric: Rubric, cellOf: (f: RubricField) => string | null): RubricValues {
  const out: RubricValues = {};
  for (const f of rubric) {
    const raw = cellOf(f);
    if (raw !== null) out[f.key] = typed(f, raw);
  }
  return out;
}

function typed(f: RubricField, raw: string): RubricValue {
  if (f.type === "boolean") return raw === "true";
  if (f.type === "numeric") return Number(raw);
  return raw;
}
