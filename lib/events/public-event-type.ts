/**
 * The public JSON of an event (`GET /api/v1/events`, `/events/{id}`; docs/api.md). Shared by the
 * server that builds it (lib/events/public-event.ts) and the UI that shows it. Columns come back
 * under their ingest names; the type's own fields (input, output, features …) follow.
 */
export interface PublicEvent {
  id: string;
  type: string;
  timestamp: string;
  receivedAt: string;
  /** The canonical model name (lib/models/canonical-name.ts). */
  model: string | null;
  /** The exact model name the call reported, when it differs from `model` (gpt-4o-2024-08-06). */
  responseModel?: string;
  modelVersion: string | null;
  environment: string;
  userId: string | null;
  sessionId: string | null;
  traceId: string | null;
  spanId: string | null;
  parentSpanId: string | null;
  promptId: string | null;
  promptVersion: number | null;
  status: "ok" | "error" | null;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  /** LLM calls: usage details (subsets of the totals, docs/api.md) and the price book's cost. */
  cacheReadInputTokens?: number | null;
  cacheCreationInputTokens?: number | null;
  reasoningTokens?: number | null;
  /** The client reported `costUsd` (it wins over the book's). */
  costReported?: boolean;
  /** The price book's cost by kind of token; null when no price matched. */
  costByKind?: { input: number; cacheRead: number; cacheWrite: number; output: number; reasoning: number } | null;
  bookCostUsd?: number | null;
  /** A reported cost more than 1% away from the book's. */
  costDiffers?: boolean;
  unpriced: boolean;
  hallucination: { flagged: boolean; score: number | null; source: string | null } | null;
  score: number | null;
  input?: string | { role: string; content: unknown }[];
  output?: string;
  context?: string[];
  errorMessage?: string;
  metadata?: Record<string, unknown>;
  tags?: string[];
  features?: Record<string, unknown>;
  /** Per-feature attributions of a prediction (e.g. SHAP values). */
  attributions?: Record<string, number>;
  prediction?: number | string;
  name?: string;
  otel?: unknown;
  [key: string]: unknown;
}
