import type { EventView } from "@/lib/queries/events";

/** Chat messages or a plain string → readable text (never HTML). */
export function inputText(input: EventView["input"]): string {
  if (input === undefined || input === null) return "";
  if (typeof input === "string") return input;
  return input.map((m) => `[${m.role}] ${typeof m.content === "string" ? m.content : JSON.stringify(m.content)}`).join("\n\n");
}

/** One-line summary for the table. */
export function eventPreview(e: EventView): string {
  const text = e.output ?? e.errorMessage ?? (e.prediction !== undefined ? `prediction: ${e.prediction}` : undefined) ?? e.name ?? "";
  return String(text).replace(/\s+/g, " ").slice(0, 200);
}
