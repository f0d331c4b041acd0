/**
 * The queue form's state (strings, as inputs hold them) and its translation into the API body,
 * checked with the API's own schema. Pure, so the form and its tests agree on what an empty
 * field means. Errors are keyed by the API's paths (`rubric.1.options`, `routing.sampleRate`),
 * so an error from the server lands on the same input as one found in the browser.
 */
import { fieldErrorsOf, type FieldErrors } from "@/lib/forms/field-errors";
import { createQueueSchema, updateQueueSchema } from "./queue-schema";
import type { Rubric, RubricFieldType } from "./rubric";
import type { QueueView } from "./schemas";

export interface RubricFieldDraft {
  key: string;
  label: string;
  type: RubricFieldType;
  /** Categorical: the options, comma-separated, in the order keys 1–9 pick them. */
  options: string;
  min: string;
  max: string;
  required: boolean;
}

export interface QueueDraft {
  name: string;
  description: string;
  instructions: string;
  rubric: RubricFieldDraft[];
  flagged: boolean;
  sampleRate: string;
  model: string;
  modelVersion: string;
  promptId: string;
  promptVersion: string;
  environment: string;
  reviewersPerItem: string;
  /** E-mails, separated by commas, spaces or new lines; empty means every member with the reviewer role. */
  assignees: string;
  correctedOutput: boolean;
  goldRate: string;
}

export const EMPTY_RUBRIC_FIELD: RubricFieldDraft = { key: "", label: "", type: "boolean", options: "", min: "", max: "", required: true };

export const EMPTY_QUEUE_DRAFT: QueueDraft = {
  name: "", description: "", instructions: "", rubric: [{ ...EMPTY_RUBRIC_FIELD, key: "hallucination", label: "Hallucination?" }],
  flagged: false, sampleRate: "", model: "", modelVersion: "", promptId: "", promptVersion: "", environment: "",
  reviewersPerItem: "1", assignees: "", correctedOutput: false, goldRate: "0",
};

const ROUTING_TEXT = ["model", "modelVersion", "promptId", "environment"] as const;
const str = (n: number | undefined | null) => (n == null ? "" : String(n));

export function queueToDraft(q: QueueView): QueueDraft {
  const r = q.routing ?? {};
  return {
    name: q.name, description: q.description ?? "", instructions: q.instructions ?? "",
    rubric: q.rubric.map((f) => ({ key: f.key, label: f.label ?? "", type: f.type, options: (f.options ?? []).join(", "), min: str(f.min), max: str(f.max), required: f.required ?? false })),
    flagged: r.flagged ?? false, sampleRate: str(r.sampleRate), model: r.model ?? "", modelVersion: r.modelVersion ?? "", promptId: r.promptId ?? "",
    promptVersion: str(r.promptVersion), environment: r.environment ?? "", reviewersPerItem: String(q.reviewersPerItem),
    assignees: q.assignees.join(", "), correctedOutput: q.correctedOutput, goldRate: String(q.goldRate),
  };
}

type Parsed = { value: number | undefined; error?: string };
function number(s: string, opts: { integer?: boolean } = {}): Parsed {
  if (s.trim() === "") return { value: undefined };
  const n = Number(s);
  if (!Number.isFinite(n)) return { value: undefined, error: "enter a number" };
  if (opts.integer && !Number.isInteger(n)) return { value: undefined, error: "enter a whole number" };
  return { value: n };
}

/**
 * The request body, and the errors found before the schema runs (a number field holding text).
 * `mode: "edit"` sends every field, with emptied ones as empty/null, so clearing an input clears it.
 */
export function draftToQueueBody(d: QueueDraft, mode: "create" | "edit"): { body: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (path: string, s: string, opts?: { integer?: boolean }) => {
    const r = number(s, opts);
    if (r.error) errors[path] = r.error;
    return r.value;
  };
  const rubric: Rubric = d.rubric.map((f, i) => {
    const field: Rubric[number] = { key: f.key.trim(), type: f.type, required: f.required };
    if (f.label.trim()) field.label = f.label.trim();
    if (f.type === "categorical") field.options = f.options.split(",").map((o) => o.trim()).filter(Boolean);
    if (f.type === "numeric") {
      const min = num(`rubric.${i}.min`, f.min);
      const max = num(`rubric.${i}.max`, f.max);
      if (min !== undefined) field.min = min;
      if (max !== undefined) field.max = max;
    }
    return field;
  });
  const routing: Record<string, unknown> = {};
  if (d.flagged) routing.flagged = true;
  const rate = num("routing.sampleRate", d.sampleRate);
  if (rate !== undefined) routing.sampleRate = rate;
  for (const k of ROUTING_TEXT) if (d[k].trim()) routing[k] = d[k].trim();
  const version = num("routing.promptVersion", d.promptVersion, { integer: true });
  if (version !== undefined) routing.promptVersion = version;
  const assignees = d.assignees.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
  const body: Record<string, unknown> = {
    name: d.name.trim(), rubric, reviewersPerItem: Number(d.reviewersPerItem), correctedOutput: d.correctedOutput,
    goldRate: num("goldRate", d.goldRate) ?? 0,
  };
  const hasRouting = Object.keys(routing).length > 0;
  if (mode === "edit") {
    Object.assign(body, { description: d.description.trim(), instructions: d.instructions.trim(), routing: hasRouting ? routing : null, assignees });
  } else {
    if (d.description.trim()) body.description = d.description.trim();
    if (d.instructions.trim()) body.instructions = d.instructions.trim();
    if (hasRouting) body.routing = routing;
    if (assignees.length > 0) body.assignees = assignees;
  }
  return { body, errors };
}

/** Checks a draft the way the API will; errors keyed by the API's field paths. */
export function validateQueueDraft(d: QueueDraft, mode: "create" | "edit"): { ok: true; body: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const { body, errors } = draftToQueueBody(d, mode);
  const parsed = (mode === "create" ? createQueueSchema : updateQueueSchema).safeParse(body);
  const all: FieldErrors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error.issues)), ...errors };
  if (!("name" in all) && !d.name.trim()) all.name = "a queue needs a name";
  return Object.keys(all).length > 0 ? { ok: false, errors: all } : { ok: true, body };
}

/** Every path the form has an input for, most specific first (a rubric-wide error goes to the rubric). */
export function queueFormFields(d: QueueDraft): string[] {
  const perField = d.rubric.flatMap((_, i) => ["key", "label", "type", "options", "min", "max", "required"].map((k) => `rubric.${i}.${k}`));
  return [
    "name", "description", "instructions", ...perField, "rubric",
    "routing.flagged", "routing.sampleRate", "routing.model", "routing.modelVersion", "routing.promptId", "routing.promptVersion", "routing.environment", "routing",
    "reviewersPerItem", "assignees", "correctedOutput", "goldRate",
  ];
}

/** The DOM id of the input for an API path. */
export const queueFieldId = (path: string) => `queue-${path.replace(/\./g, "-")}`;
