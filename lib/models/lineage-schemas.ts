import { z } from "zod";

const url = z.url().max(2000);

export const lineageInputSchema = z.object({
  dataset: z
    .object({
      name: z.string().min(1).max(200),
      /** A version label or a content hash. */
      version: z.string().min(1).max(200).optional(),
      rows: z.number().int().min(0).max(1e13).optional(),
    })
    .optional(),
  code: z
    .object({ gitCommit: z.string().regex(/^[0-9a-f]{7,64}$/i, "must be a hex commit id").optional(), repositoryUrl: url.optional() })
    .optional(),
  trainingRunUrl: url.optional(),
  parentVersion: z.string().min(1).max(100).optional(),
  tags: z.record(z.string().max(100), z.string().max(1000)).optional(),
});
export type LineageInput = z.output<typeof lineageInputSchema>;

export const lineageViewSchema = z.object({
  model: z.string(),
  version: z.string(),
  dataset: z.object({ name: z.string(), version: z.string().nullable(), rows: z.number().int().nullable() }).nullable(),
  code: z.object({ gitCommit: z.string().nullable(), repositoryUrl: z.string().nullable() }),
  trainingRunUrl: z.string().nullable(),
  parentVersion: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type LineageView = z.output<typeof lineageViewSchema>;
