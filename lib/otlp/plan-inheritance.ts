import type { INHERITED_FIELDS } from "./propagate-root-attributes";

type Field = (typeof INHERITED_FIELDS)[number];

/** A stored span as the inheritance job sees it. */
export interface StoredSpan {
  id: number;
  spanId: string | null;
  parentSpanId: string | null;
  userId: string | null;
  sessionId: string | null;
  environment: string;
  tags: string[] | undefined;
  /** The mapping's provenance table (`field → attribute`); null for events not sent over OTLP. */
  mapped: Record<string, string> | null;
}

export interface InheritanceUpdate {
  id: number;
  userId?: string;
  sessionId?: string;
  environment?: string;
  tags?: string[];
  /** field → "root span <spanId>", recorded in the body's provenance. */
  inherited: Partial<Record<Field, string>>;
}

export type InheritancePlan = { root: null } | { root: string; updates: InheritanceUpdate[] };

/**
 * What each stored span of one trace takes from the trace's root, by the rule of
 * lib/otlp/propagate-root-attributes.ts (a field the span set itself is never overwritten; a
 * trace with several parentless spans has no root). `environment` always has a value once
 * stored (the default), so a span "lacks" it when its provenance maps no attribute to it, and
 * the root gives it only when the root's came from an attribute.
 */
export function planInheritance(spans: StoredSpan[]): InheritancePlan {
  const roots = spans.filter((s) => s.parentSpanId === null);
  if (roots.length !== 1 || roots[0].spanId === null) return { root: null };
  const root = roots[0];
  const source = `root span ${root.spanId}`;
  const rootEnv = root.mapped && "environment" in root.mapped ? root.environment : undefined;
  const updates: InheritanceUpdate[] = [];
  for (const s of spans) {
    if (s === root) continue;
    const u: InheritanceUpdate = { id: s.id, inherited: {} };
    if (s.userId === null && root.userId !== null) (u.userId = root.userId), (u.inherited.userId = source);
    if (s.sessionId === null && root.sessionId !== null) (u.sessionId = root.sessionId), (u.inherited.sessionId = source);
    if (rootEnv !== undefined && s.mapped && !("environment" in s.mapped) && s.environment !== rootEnv) (u.environment = rootEnv), (u.inherited.environment = source);
    if (s.tags === undefined && root.tags !== undefined) (u.tags = [...root.tags]), (u.inherited.tags = source);
    if (Object.keys(u.inherited).length > 0) updates.push(u);
  }
  return { root: root.spanId!, updates };
}
