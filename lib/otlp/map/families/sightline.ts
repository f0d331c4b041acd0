import type { Family } from "../family";

/** Sightline's own attributes: set on purpose for Sightline, so they win over everything. */
export const sightline: Family = {
  name: "sightline",
  namespaces: ["sightline"],
  fields: {
    promptId: (s) => s.string("sightline.prompt.id", 200),
    promptVersion: (s) => s.int("sightline.prompt.version", { min: 1, max: 1_000_000 }),
    modelVersion: (s) => s.string("sightline.model.version", 100),
    hallucinationFlagged: (s) => s.bool("sightline.hallucination.flagged"),
    hallucinationScore: (s) => s.number("sightline.hallucination.score", 0, 1),
    hallucinationSource: (s) => s.string("sightline.hallucination.source", 200),
  },
};
