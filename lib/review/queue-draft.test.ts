import { describe, expect, it } from "vitest";
import { createQueueSchema, updateQueueSchema } from "./queue-schema";
import { draftToQueueBody, EMPTY_QUEUE_DRAFT, EMPTY_RUBRIC_FIELD, queueToDraft, validateQueueDraft } from "./queue-draft";
import type { QueueView } from "./schemas";

const saved: QueueView = {
  id: 4, name: "Support answers", description: "Weekly sample", instructions: "Check the answer against the context.",
  rubric: [
    { key: "hallucination", label: "Hallucination?", type: "boolean", required: true },
    { key: "severity", type: "categorical", options: ["low", "medium", "high"] },
    { key: "score", type: "numeric", min: 1, max: 5 },
  ],
  routing: { flagged: true, sampleRate: 0.1, model: "gpt-4o", promptVersion: 3 }, reviewersPerItem: 2, correctedOutput: true, goldRate: 0.05,
  assignees: ["a@example.test", "b@example.test"], createdAt: "", updatedAt: "",
};

describe("queue draft", () => {
  it("builds a create body the API schema accepts, leaving empty optional fields out", () => {
    const r = validateQueueDraft({ ...EMPTY_QUEUE_DRAFT, name: " Triage " }, "create");
    expect(r).toEqual({ ok: true, body: { name: "Triage", rubric: [{ key: "hallucination", label: "Hallucination?", type: "boolean", required: true }], reviewersPerItem: 1, correctedOutput: false, goldRate: 0 } });
  });

  it("prefills from a saved queue and round-trips to the same queue", () => {
    const { body, errors } = draftToQueueBody(queueToDraft(saved), "edit");
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: "Support answers", description: "Weekly sample", instructions: "Check the answer against the context.",
      rubric: [
        { key: "hallucination", label: "Hallucination?", type: "boolean", required: true },
        { key: "severity", type: "categorical", options: ["low", "medium", "high"], required: false },
        { key: "score", type: "numeric", min: 1, max: 5, required: false },
      ],
      routing: { flagged: true, sampleRate: 0.1, model: "gpt-4o", promptVersion: 3 }, reviewersPerItem: 2, correctedOutput: true, goldRate: 0.05,
      assignees: ["a@example.test", "b@example.test"],
    });
    expect(updateQueueSchema.safeParse(body).success).toBe(true);
  });

  it("clears routing and assignees on edit when their inputs are emptied", () => {
    const d = { ...queueToDraft(saved), flagged: false, sampleRate: "", model: "", promptVersion: "", assignees: "" };
    expect(draftToQueueBody(d, "edit").body).toMatchObject({ routing: null, assignees: [] });
    expect(draftToQueueBody(d, "create").body).not.toHaveProperty("routing");
  });

  it("names each bad field by its API path", () => {
    const d = {
      ...EMPTY_QUEUE_DRAFT, name: "", sampleRate: "lots", goldRate: "0.9", assignees: "a@example.test, not-an-email",
      rubric: [{ ...EMPTY_RUBRIC_FIELD, key: "Bad Key" }, { ...EMPTY_RUBRIC_FIELD, key: "sev", type: "categorical" as const, options: "only" }, { ...EMPTY_RUBRIC_FIELD, key: "n", type: "numeric" as const, min: "5", max: "1" }],
    };
    const r = validateQueueDraft(d, "create");
    expect(r.ok).toBe(false);
    expect(Object.keys((r as { errors: object }).errors).sort()).toEqual(["assignees.1", "goldRate", "name", "routing.sampleRate", "rubric.0.key", "rubric.1.options", "rubric.2.min"].sort());
    expect(createQueueSchema.safeParse(draftToQueueBody(d, "create").body).success).toBe(false);
  });

  it("refuses an empty rubric at the rubric itself", () => {
    const r = validateQueueDraft({ ...EMPTY_QUEUE_DRAFT, name: "q", rubric: [] }, "create");
    expect(r).toEqual({ ok: false, errors: { rubric: "a rubric needs at least one field" } });
  });
});
