import type { Db } from "@/db/client";
import { prompt } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { findPromptRow, getPrompt } from "./get-prompt";
import type { CreatePromptInput, PromptView } from "./schemas";

/** Registers a prompt; 409 when the key exists (events also create prompts implicitly). */
export function createPrompt(db: Db, input: { projectId: number; data: CreatePromptInput }): PromptView {
  const { projectId, data } = input;
  if (findPromptRow(db, projectId, data.key)) throw new ConflictError(`Prompt "${data.key}" already exists`);
  db.orm
    .insert(prompt)
    .values({ projectId, key: data.key, name: data.name ?? null, description: data.description ?? null, createdAt: Date.now() })
    .run();
  return getPrompt(db, { projectId, key: data.key });
}

/** The prompt row for `key`, created when missing (registering a version implies the prompt). */
export function ensurePromptRow(db: Db, projectId: number, key: string) {
  const existing = findPromptRow(db, projectId, key);
  if (existing) return existing;
  db.orm.insert(prompt).values({ projectId, key, createdAt: Date.now() }).run();
  return findPromptRow(db, projectId, key)!;
}
