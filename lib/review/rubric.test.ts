import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/api/errors";
import { hallucinationField, rubricSchema, validateRubricValues, type Rubric } from "./rubric";

const rubric: Rubric = [
  { key: "hallucination", type: "boolean", required: true },
  { key: "severity", type: "categorical", options: ["low", "medium", "high"] },
  { key: "quality", type: "numeric", min: 1, max: 5 },
  { key: "correct_answer", type: "text" },
];

function detailsOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).details;
  }
  throw new Error("expected a ValidationError");
}

describe("validateRubricValues", () => {
  it("accepts values of every type and keeps only the rubric's keys", () => {
    expect(validateRubricValues(rubric, { hallucination: false, severity: "high", quality: 4.5, correct_answer: "Paris" }))
      .toEqual({ hallucination: false, severity: "high", quality: 4.5, correct_answer: "Paris" });
  });

  it("optional fields may be left out; empty text counts as left out", () => {
    expect(validateRubricValues(rubric, { hallucination: true, correct_answer: "" })).toEqual({ hallucination: true });
  });

  it("names each failing field", () => {
    const details = detailsOf(() =>
      validateRubricValues(rubric, { severity: "extreme", quality: 9, correct_answer: 3, extra: 1 }),
    );
    expect(details).toEqual(expect.arrayContaining([
      { path: "values.hallucination", message: "required" },
      { path: "values.severity", message: 'must be one of "low", "medium", "high"' },
      { path: "values.quality", message: "must be at most 5" },
      { path: "values.correct_answer", message: "must be a string" },
      { path: "values.extra", message: "not a field of this queue's rubric" },
    ]));
    expect(details).toHaveLength(5);
  });

  it("rejects a boolean given as a string, a number below range, a non-finite number", () => {
    expect(detailsOf(() => validateRubricValues(rubric, { hallucination: "true" }))![0].path).toBe("values.hallucination");
    expect(detailsOf(() => validateRubricValues(rubric, { hallucination: true, quality: 0 }))![0].message).toBe("must be at least 1");
    expect(detailsOf(() => validateRubricValues(rubric, { hallucination: true, quality: "3" }))![0].message).toBe("must be a number");
  });

  it("rejects values that are not an object", () => {
    expect(detailsOf(() => validateRubricValues(rubric, [true]))![0].path).toBe("values");
  });
});

describe("rubricSchema", () => {
  it("accepts the example rubric", () => {
    expect(rubricSchema.safeParse(rubric).success).toBe(true);
  });

  it.each([
    [[{ key: "s", type: "categorical" }], "0.options"],
    [[{ key: "s", type: "boolean", options: ["a", "b"] }], "0.options"],
    [[{ key: "s", type: "text", min: 1 }], "0.min"],
    [[{ key: "s", type: "numeric", min: 5, max: 1 }], "0.min"],
    [[{ key: "s", type: "boolean" }, { key: "s", type: "text" }], "1.key"],
    [[{ key: "Bad Key", type: "boolean" }], "0.key"],
    [[], ""],
  ])("rejects %j at %s", (fields, path) => {
    const r = rubricSchema.safeParse(fields);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("hallucinationField", () => {
  it("prefers the key 'hallucination', else the first boolean", () => {
    expect(hallucinationField(rubric)!.key).toBe("hallucination");
    expect(hallucinationField([{ key: "ok", type: "text" }, { key: "wrong", type: "boolean" }])!.key).toBe("wrong");
    expect(hallucinationField([{ key: "ok", type: "text" }])).toBeNull();
  });
});
