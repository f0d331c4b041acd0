import { z } from "zod";
import type { DimensionNames } from "./dimension-names";

/** Name-based filters shared by the metrics endpoints. */
export const dimensionFilterParams = {
  model: z.string().min(1).max(200).optional(),
  modelVersion: z.string().min(1).max(100).optional(),
  promptId: z.string().min(1).max(200).optional(),
  promptVersion: z.coerce.number().int().min(1).optional(),
};

export interface DimensionFilterInput {
  model?: string;
  modelVersion?: string;
  promptId?: string;
  promptVersion?: number;
}

export interface DimensionIds {
  modelId: number | null;
  modelVersionId: number | null;
  promptId: number | null;
  promptVersionId: number | null;
}

/**
 * Names → ids. Returns null when a named model/prompt/version does not exist, which means
 * "no data", not an error. A version is only meaningful together with its model or prompt.
 */
export function resolveDimensionFilter(names: DimensionNames, f: DimensionFilterInput): DimensionIds | null {
  const out: DimensionIds = { modelId: null, modelVersionId: null, promptId: null, promptVersionId: null };
  if (f.model !== undefined) {
    out.modelId = find(names.models, (m) => m.name === f.model);
    if (out.modelId === null) return null;
  }
  if (f.modelVersion !== undefined) {
    out.modelVersionId = find(names.modelVersions, (v, id) => v === f.modelVersion && versionBelongs(names, id, out.modelId));
    if (out.modelVersionId === null) return null;
  }
  if (f.promptId !== undefined) {
    out.promptId = find(names.prompts, (k) => k === f.promptId);
    if (out.promptId === null) return null;
  }
  if (f.promptVersion !== undefined) {
    out.promptVersionId = find(names.promptVersions, (v, id) => v === f.promptVersion && promptVersionBelongs(names, id, out.promptId));
    if (out.promptVersionId === null) return null;
  }
  return out;
}

function find<V>(map: Map<number, V>, pred: (v: V, id: number) => boolean): number | null {
  for (const [id, v] of map) if (pred(v, id)) return id;
  return null;
}

function versionBelongs(names: DimensionNames, versionId: number, modelId: number | null): boolean {
  return modelId === null || names.modelVersionOwner.get(versionId) === modelId;
}

function promptVersionBelongs(names: DimensionNames, versionId: number, promptId: number | null): boolean {
  return promptId === null || names.promptVersionOwner.get(versionId) === promptId;
}
