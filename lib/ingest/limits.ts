/**
 * Limits on what one event may hold (documented in docs/api.md → "Limits"). They are checked
 * while validating, by the zod schema and by the fast path alike (both call `freeFormProblem`),
 * so an event that breaks one is rejected on its own — never the batch, never a 500 — and
 * nothing stored can make a read, a rollup or JSON.stringify fail later.
 *
 * Sizes are characters of the field serialised as JSON (UTF-16 code units, what
 * `JSON.stringify(v).length` counts).
 */
export const MAX_DEPTH = 32;
export const MAX_METADATA_CHARS = 16 * 1024;
export const MAX_TEXT_CHARS = 1024 * 1024;
export const MAX_CONTEXT_CHARS = 1024 * 1024;
export const MAX_FEATURES_CHARS = 64 * 1024;
/** `prediction` and `label` values given as text. */
export const MAX_VALUE_CHARS = 10_000;

/** Distinct names per project: past a cap, an event naming a new one is rejected on its own (`limit_exceeded`). */
export const MAX_MODELS_PER_PROJECT = 1_000;
export const MAX_MODEL_VERSIONS_PER_PROJECT = 10_000;
export const MAX_PROMPTS_PER_PROJECT = 1_000;
export const MAX_PROMPT_VERSIONS_PER_PROJECT = 10_000;

/**
 * True when `value` nests objects/arrays more than `max` levels (the value itself is level 1
 * when it is an object or array). Iterative, so a 17,000-level value cannot overflow the stack.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > max) return true;
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === "object" && x !== null) stack.push([x, depth + 1]);
    } else {
      for (const k in v as Record<string, unknown>) {
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === "object" && x !== null) stack.push([x, depth + 1]);
      }
    }
  }
  return false;
}

/**
 * Why a free-form value breaks its limits, or null. Depth is checked first: only then is
 * JSON.stringify (recursive in V8) safe to measure the size with.
 */
export function freeFormProblem(value: unknown, maxChars: number, maxDepth = MAX_DEPTH): string | null {
  if (typeof value === "string") return value.length > maxChars ? `must be at most ${maxChars} characters` : null;
  if (nestedDeeperThan(value, maxDepth)) return `must not be nested more than ${maxDepth} levels deep`;
  const text = JSON.stringify(value);
  return text !== undefined && text.length > maxChars ? `must be at most ${maxChars} characters when serialised as JSON` : null;
}

/** Sum of the strings' lengths, or Infinity as soon as it passes `max` (context lists). */
export function totalLength(items: readonly string[], max: number): number {
  let n = 0;
  for (const s of items) {
    n += s.length;
    if (n > max) return Infinity;
  }
  return n;
}

/** Lone surrogates become U+FFFD in SQLite's UTF-8, so two different ids would collide. */
export function isWellFormedText(s: string): boolean {
  return (s as string & { isWellFormed(): boolean }).isWellFormed();
}

/** "." and ".." are path segments a URL resolves away, so `GET /api/v1/events/{id}` could never reach them. */
export function isAddressableId(s: string): boolean {
  return s !== "." && s !== "..";
}
