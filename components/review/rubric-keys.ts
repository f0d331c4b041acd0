import type { RubricField, RubricValue } from "@/lib/review/rubric";

/**
 * Keyboard map of the review form, as a pure function of the key and the focused field so it can be
 * unit-tested and listed on screen from the same table (SHORTCUTS).
 */
export type KeyAction =
  | { type: "move"; delta: 1 | -1 }
  | { type: "pick"; value: RubricValue }
  | { type: "submit" }
  | { type: "skip" }
  | { type: "help" }
  | { type: "leave" }
  | { type: "none" };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is in a text box: only Ctrl/⌘+Enter and Escape act, every other key types. */
  typing: boolean;
}

export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: "1–9", does: "pick an option of the current field (boolean: 1 yes, 2 no)" },
  { keys: "j / ↓", does: "next field" },
  { keys: "k / ↑", does: "previous field" },
  { keys: "Ctrl+Enter", does: "submit" },
  { keys: "s", does: "skip this item" },
  { keys: "Esc", does: "leave a text box" },
  { keys: "?", does: "show or hide shortcuts" },
];

export function keyAction(e: KeyInput, field: RubricField | undefined): KeyAction {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) return { type: "submit" };
  if (e.typing) return e.key === "Escape" ? { type: "leave" } : { type: "none" };
  if (e.ctrlKey || e.metaKey || e.altKey) return { type: "none" };
  switch (e.key) {
    case "j":
    case "ArrowDown":
      return { type: "move", delta: 1 };
    case "k":
    case "ArrowUp":
      return { type: "move", delta: -1 };
    case "s":
      return { type: "skip" };
    case "?":
      return { type: "help" };
  }
  if (/^[1-9]$/.test(e.key) && field) {
    const options = fieldOptions(field);
    const value = options?.[Number(e.key) - 1];
    if (value !== undefined) return { type: "pick", value };
  }
  return { type: "none" };
}

/**
 * The values keys 1–9 pick for a field: yes/no, the categorical options in order, or the integers of
 * a numeric range of at most nine values (1–5 ratings). Null for free text and wide numeric ranges,
 * which take typed input.
 */
export function fieldOptions(field: RubricField): RubricValue[] | null {
  if (field.type === "boolean") return [true, false];
  if (field.type === "categorical") return field.options ?? null;
  if (field.type === "numeric" && field.min !== undefined && field.max !== undefined) {
    const lo = field.min;
    const hi = field.max;
    if (Number.isInteger(lo) && Number.isInteger(hi) && hi - lo < 9) {
      return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    }
  }
  return null;
}

export function optionLabel(value: RubricValue): string {
  return value === true ? "yes" : value === false ? "no" : String(value);
}
