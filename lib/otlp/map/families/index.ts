import { common } from "./common";
import { genAi } from "./gen-ai";
import { langfuse } from "./langfuse";
import { openInference } from "./openinference";
import { openLlmetry } from "./openllmetry";
import { sightline } from "./sightline";
import { vercelAi } from "./vercel-ai";

/**
 * Field precedence (docs/opentelemetry.md): for each Sightline field the first family in this
 * list that has a valid value wins. Explicit, purpose-set attributes first (Sightline's own,
 * then Langfuse's, which its SDK sets from the user's own arguments), then the OTel standard,
 * then the instrumentation libraries, then the general conventions.
 */
export const FIELD_PRECEDENCE = [sightline, langfuse, genAi, openInference, openLlmetry, vercelAi, common];

/**
 * Classification precedence: markers that name the kind of span outright come before the
 * GenAI inference from a model attribute (a Vercel `ai.generateText` wrapper has a model but
 * is not itself a call).
 */
export const CLASSIFY_PRECEDENCE = [langfuse, openInference, vercelAi, openLlmetry, genAi];
