import { z } from "zod";
import { ValidationError, type ErrorDetail } from "@/lib/api/errors";

/**
 * A queue's rubric: the fields a reviewer fills in for every item. Keys are stable identifiers
 * (they name CSV columns and agreement rows), labels are what the reviewer reads.
 */
export const RUBRIC_FIELD_TYPES = ["boolean", "categorical", "numeric", "text"] as const;
export type RubricFieldType = (typeof RUBRIC_FIELD_TYPES)[number];

export const rubricFieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "lowercase letters, digits and '_', starting with a letter, at most 40"),
    label: z.string().min(1).max(200).optional(),
    type: z.enum(RUBRIC_FIELD_TYPES),
    /** Categorical only: the choices, in the order keys 1–9 pick them. */
    options: z.array(z.string().min(1).max(100)).min(2).max(20).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    required: z.boolean().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.type === "categorical") {
      if (!f.options) ctx.addIssue({ code: "custom", path: ["options"], message: "a categorical field needs options" });
      else if (new Set(f.options).size !== f.options.length) {
        ctx.addIssue({ code: "custom", path: ["options"], message: "options must be distinct" });
      }
    } else if (f.options !== undefined) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "only categorical fields have options" });
    }
    if (f.type !== "numeric" && (f.min !== undefined || f.max !== undefined)) {
      ctx.addIssue({ code: "custom", path: [f.min !== undefined ? "min" : "max"], message: "only numeric fields have a range" });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "min must not exceed max" });
    }
  });

export const rubricSchema = z
  .array(rubricFieldSchema)
  .min(1, "a rubric needs at least one field")
  .max(20)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `duplicate key "${f.key}"` });
      seen.add(f.key);
    });
  });

export type RubricField = z.output<typeof rubricFieldSchema>;
export type Rubric = RubricField[];
export type RubricValue = boolean | string | number;
export type RubricValues = Record<string, RubricValue>;

const MAX_TEXT = 10_000;

/**
 * Checks a verdict's values against the rubric and returns them with only the rubric's keys.
 * Every problem is reported at once, each naming its field (`values.<key>`), as a 400.
 */
export function validateRubricValues(rubric: Rubric, values: unknown, prefix = "values"): RubricValues {
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new ValidationError("Invalid values", [{ path: prefix, message: "must be an object of rubric key → value" }]);
  }
  const input = values as Record<string, unknown>;
  const details: ErrorDetail[] = [];
  const out: RubricValues = {};
  const known = new Set(rubric.map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) details.push({ path: `${prefix}.${key}`, message: "not a field of this queue's rubric" });
  }
  for (const field of rubric) {
    const path = `${prefix}.${field.key}`;
    const v = input[field.key];
    if (v === undefined || v === null || (field.type === "text" && v === "")) {
      if (field.required) details.push({ path, message: "required" });
      continue;
    }
    const problem = checkValue(field, v);
    if (problem) details.push({ path, message: problem });
    else out[field.key] = v as RubricValue;
  }
  if (details.length > 0) throw new ValidationError("Values do not match the queue's rubric", details);
  return out;
}

function checkValue(field: RubricField, v: unknown): string | null {
  switch (field.type) {
    case "boolean":
      return typeof v === "boolean" ? null : "must be true or false";
    case "categorical":
      return typeof v === "string" && field.options!.includes(v) ? null : `must be one of ${field.options!.map((o) => JSON.stringify(o)).join(", ")}`;
    case "numeric":
      if (typeof v !== "number" || !Number.isFinite(v)) return "must be a number";
      if (field.min !== undefined && v < field.min) return `must be at least ${field.min}`;
      if (field.max !== undefined && v > field.max) return `must be at most ${field.max}`;
      return null;
    case "text":
      if (typeof v !== "string") return "must be a string";
      return v.length > MAX_TEXT ? `must be at most ${MAX_TEXT} characters` : null;
  }
}

/**
 * The boolean field that records the human's hallucination verdict, which detector calibration and
 * the human-confirmed hallucination rate read: the field keyed `hallucination`, else the first
 * boolean field. Null when the rubric has no boolean field.
 */
export function hallucinationField(rubric: Rubric): RubricField | null {
  return rubric.find((f) => f.key === "hallucination" && f.type === "boolean") ?? rubric.find((f) => f.type === "boolean") ?? null;
}

/** Which agreement statistic a field gets: nominal for choices, interval for numbers, none for text. */
export function agreementLevel(field: RubricField): "nominal" | "interval" | null {
  if (field.type === "boolean" || field.type === "categorical") return "nominal";
  if (field.type === "numeric") return "interval";
  return null;
}
