/**
 * CSV for spreadsheets, safe against formula injection: a cell that a spreadsheet would read as
 * a formula (starting with = + - @, or a tab or carriage return that some strip first) gets a
 * leading apostrophe, so `=HYPERLINK("http://evil",…)` typed into a prompt name stays text
 * (OWASP "CSV Injection"). Every cell is quoted; quotes are doubled.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
