import { z } from "zod";

/** Labels are short deployment names; "latest" is derived from the highest version and cannot be set. */
export const labelSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, "lowercase letters, digits, '.', '_' or '-', at most 40 characters")
  .refine((l) => l !== "latest", { message: '"latest" is derived from the highest version and cannot be set' });

export const createPromptSchema = z.object({
  /** The `promptId` that events carry. */
  key: z.string().min(1).max(200),
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
});

export const createPromptVersionSchema = z.object({
  /** Defaults to the next version number. */
  version: z.number().int().min(1).max(1_000_000).optional(),
  template: z.string().min(1).max(100_000),
  labels: z.array(labelSchema).max(20).default([]),
});

export const updateLabelsSchema = z.object({
  labels: z.array(labelSchema).max(20),
});

export type CreatePromptInput = z.output<typeof createPromptSchema>;
export type CreatePromptVersionInput = z.output<typeof createPromptVersionSchema>;

export interface PromptVersionView {
  version: number;
  template: string | null;
  /** Stored labels plus the derived "latest". */
  labels: string[];
  createdAt: string;
}

export interface PromptView {
  key: string;
  name: string | null;
  description: string | null;
  createdAt: string;
  versions: PromptVersionView[];
}

export interface PromptSummary {
  key: string;
  name: string | null;
  versionCount: number;
  latestVersion: number | null;
  productionVersion: number | null;
}
