/**
 * CSV (RFC 4180) rows that a spreadsheet opens as data, never as formulas.
 *
 * Spreadsheet programs evaluate a cell whose text starts with = + - @ (and some treat a leading tab
 * or carriage return the same way), so free text from an LLM or a reviewer could run as a formula
 * (OWASP "CSV Injection"). Such strings get a leading apostrophe, which spreadsheets show as text; a
 * string that already starts with an apostrophe gets one too, so `unneutraliseCell` can undo the
 * escaping exactly. Numbers and booleans are written as they are: they cannot be formulas.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r']/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseCell`, for readers of our own exports. */
export function unneutraliseCell(text: string): string {
  return FORMULA_START.test(text.slice(1)) && text.startsWith("'") ? text.slice(1) : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutraliseCell(value) : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF terminator. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/** Parses RFC 4180 text (quoted fields, doubled quotes, CRLF or LF) into rows of raw strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      if (ch === "\r") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
