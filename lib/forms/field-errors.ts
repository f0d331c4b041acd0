import { ApiRequestError } from "@/lib/queries/api-client";

/** Field path (dotted, as the API's `details[].path`: `scope.feature`, `rubric.0.key`) → message. */
export type FieldErrors = Record<string, string>;

/** zod issues or the API's error details → one message per field (the first wins). */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[] | string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const path = typeof i.path === "string" ? i.path : i.path.map(String).join(".");
    if (!(path in out)) out[path] = i.message;
  }
  return out;
}

/** A failed save's field errors: the API names the failing field in `details`. */
export function fieldErrorsOfError(error: unknown): FieldErrors {
  return error instanceof ApiRequestError ? fieldErrorsOf(error.details) : {};
}

/**
 * Errors for the form's own fields, and the rest as one message: a detail whose path names no
 * field on the form (or an error with no details) must still be shown somewhere.
 */
export function splitErrors(errors: FieldErrors, fields: readonly string[]): { byField: FieldErrors; other: string[] } {
  const byField: FieldErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`));
    if (field && !(field in byField)) byField[field] = message;
    else other.push(path ? `${path}: ${message}` : message);
  }
  return { byField, other };
}
