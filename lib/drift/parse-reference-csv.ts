import { ValidationError } from "@/lib/api/errors";
import type { SetReferenceInput } from "./schemas";

type DatasetRow = Extract<SetReferenceInput, { kind: "dataset" }>["rows"][number];

/** Splits one CSV record (RFC 4180 quoting: "a,b" and "" for a quote). */
function splitRecord(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") out.push(cur), (cur = "");
    else cur += c;
  }
  out.push(cur);
  return out;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A reference dataset as CSV: a header of feature names, one row per example. A column named
 * `prediction` is the model's output; empty cells are missing values; cells that look like
 * numbers are numbers. (Quoted fields may not span lines.)
 */
export function parseReferenceCsv(text: string, maxRows = 100_000): DatasetRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length < 2) throw new ValidationError("CSV needs a header row and at least one data row", [{ path: "body", message: "no data rows" }]);
  if (lines.length - 1 > maxRows) throw new ValidationError(`CSV has more than ${maxRows} rows`, [{ path: "body", message: `at most ${maxRows} rows` }]);
  const header = splitRecord(lines[0]).map((h) => h.trim());
  if (header.some((h) => h === "")) throw new ValidationError("CSV header has an empty column name", [{ path: "body.header", message: "empty column name" }]);
  return lines.slice(1).map((line, i) => {
    const cells = splitRecord(line);
    if (cells.length !== header.length) {
      throw new ValidationError(`CSV row ${i + 2} has ${cells.length} cells, the header ${header.length}`, [{ path: `body.row${i + 2}`, message: "cell count differs from the header" }]);
    }
    const features: DatasetRow["features"] = {};
    let prediction: number | string | undefined;
    header.forEach((h, k) => {
      const raw = cells[k].trim();
      const value = raw === "" ? null : NUMBER.test(raw) ? Number(raw) : raw;
      if (h === "prediction") prediction = value ?? undefined;
      else features[h] = value;
    });
    return prediction === undefined ? { features } : { features, prediction };
  });
}
