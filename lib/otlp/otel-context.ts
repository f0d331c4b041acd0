import { createHash } from "node:crypto";
import { memo, type Db } from "@/db/client";
import { otelContextBodies, upsertOtelContexts } from "@/db/statements/otel-context";
import type { OtelProvenance } from "./map/map-span";
import type { OtlpSpan } from "./span-model";

/**
 * The provenance parts that repeat from span to span of one instrumentation and resource: the
 * `mapped` table, the unmapped resource attributes, the scope and the span kind. Stored once
 * per project (table `otel_context`); the event body keeps `otel: {ctx: <id>, …per-span parts}`
 * and the read side puts the public `otel` object back together, key order included.
 */
export interface OtelContext {
  mapped: OtelProvenance["mapped"];
  resource: OtelProvenance["resource"];
  scope: OtelProvenance["scope"];
  spanKind: OtelProvenance["spanKind"];
  /**
   * The elided originals of `output` (`otel.original`), when they repeat within the batch (with
   * the text elided they usually do; tool-call arguments make them unique, and those stay per span).
   */
  original?: OtelProvenance["original"];
}

/** What an OTLP event body stores under `otel`. */
export type StoredOtel = { ctx: number } & Omit<OtelProvenance, Exclude<keyof OtelContext, "original">>;

/** Context JSON → id, per project. Keyed by the JSON itself: a hit costs no hashing. */
const CACHE_LIMIT = 10_000;

export interface SpanProvenance {
  span: Pick<OtlpSpan, "resource" | "scope">;
  otel: OtelProvenance;
}

/**
 * Provenance of a batch → the `extras` to store with its events, each referencing its
 * interned context. New contexts are written (and committed) before the events, in one small
 * transaction; a batch whose contexts are all known writes nothing here.
 *
 * Serialising every span's context to find it would cost as much as storing it, so spans are
 * first grouped by walking a trie of the parts their context is made of: the identity of their
 * resource and scope objects (shared by all spans of one scopeSpans), the span kind, the
 * unmapped resource keys, the `mapped` table and the JSON of `original`. Only one span per
 * group is serialised. `original` joins the context only when its JSON occurs more than once in
 * the batch, so that unique originals do not make one context per span.
 */
export async function internProvenance(db: Db, projectId: number, items: SpanProvenance[], now = Date.now()): Promise<{ otel: StoredOtel }[]> {
  const cache = memo(db, "otelContextIds", () => new Map<string, number>());
  const prefix = `${projectId}\n`;
  const root = new TrieNode();
  const groups: Group[] = [];
  const groupOf: Group[] = new Array(items.length);
  const extras: { otel: StoredOtel }[] = new Array(items.length);
  let missing: Map<string, string> | undefined;
  // `original` as JSON, and how often each occurs in the batch (the gate for interning it).
  let originals: (string | undefined)[] | undefined;
  let seen: Map<string, number> | undefined;
  for (let i = 0; i < items.length; i++) {
    const original = items[i].otel.original;
    if (original === undefined) continue;
    const json = JSON.stringify(original);
    (originals ??= new Array(items.length))[i] = json;
    (seen ??= new Map()).set(json, (seen.get(json) ?? 0) + 1);
  }
  for (let i = 0; i < items.length; i++) {
    const { span, otel: p } = items[i];
    let node = root.step(span.resource).step(span.scope).step(p.spanKind);
    for (const k in p.resource) node = node.step(k);
    node = node.step(SEPARATOR);
    for (const k in p.mapped) node = node.step(k).step(p.mapped[k]);
    const originalJson = originals?.[i];
    const shared = originalJson !== undefined && seen!.get(originalJson)! > 1;
    if (shared) node = node.step(SEPARATOR).step(originalJson);
    let group = node.group;
    if (!group) {
      const context: OtelContext = { mapped: p.mapped, resource: p.resource, scope: p.scope, spanKind: p.spanKind };
      if (shared) context.original = p.original;
      const json = prefix + JSON.stringify(context);
      group = node.group = { json, id: cache.get(json) };
      groups.push(group);
      if (group.id === undefined) (missing ??= new Map()).set(json, json.slice(prefix.length));
    }
    groupOf[i] = group;
    // The per-span rest, in the order the mapping wrote it (so the read side can restore it).
    const stored = { ctx: 0, unmapped: p.unmapped } as StoredOtel;
    for (const k in p) if (!CONTEXT_KEYS.has(k) && !(shared && k === "original")) (stored as Record<string, unknown>)[k] = (p as unknown as Record<string, unknown>)[k];
    extras[i] = { otel: stored };
  }
  if (missing) {
    if (cache.size + missing.size > CACHE_LIMIT) cache.clear();
    const entries = [...missing];
    const ids = await upsertOtelContexts(db, projectId, entries.map(([, body]) => ({ hash: createHash("sha256").update(body).digest("hex"), body })), now);
    entries.forEach(([json], i) => cache.set(json, ids[i]));
    for (const group of groups) group.id ??= cache.get(group.json);
  }
  for (let i = 0; i < items.length; i++) extras[i].otel.ctx = groupOf[i].id!;
  return extras;
}

interface Group {
  json: string;
  id?: number;
}

/** Separates the resource keys from the mapped table (an object: no key can equal it). */
const SEPARATOR = {};

/** One batch's trie: a path of parts (objects by identity, strings by value) → its group. */
class TrieNode {
  private next?: Map<unknown, TrieNode>;
  group?: Group;

  step(part: unknown): TrieNode {
    this.next ??= new Map();
    let node = this.next.get(part);
    if (!node) this.next.set(part, (node = new TrieNode()));
    return node;
  }
}

const CONTEXT_KEYS = new Set(["mapped", "unmapped", "resource", "scope", "spanKind"]);

/**
 * The contexts that the given stored `otel` objects reference, fetched in one query for those
 * not cached on the handle yet (contexts never change), as a lookup for `expandOtel`. Only the
 * project's own contexts are found.
 */
export async function loadOtelContexts(db: Db, projectId: number, stored: unknown[]): Promise<(id: number) => OtelContext | undefined> {
  const cache = memo(db, "otelContextBodies", () => new Map<string, string>());
  const keyOf = (id: number) => `${projectId}:${id}`;
  const missing = new Set<number>();
  for (const o of stored) {
    const id = (o as { ctx?: unknown } | null)?.ctx;
    if (typeof id === "number" && !cache.has(keyOf(id))) missing.add(id);
  }
  if (missing.size > 0) {
    const rows = await otelContextBodies(db, projectId, [...missing]);
    if (cache.size + rows.length > CACHE_LIMIT) cache.clear();
    for (const r of rows) cache.set(keyOf(r.id), r.body);
  }
  return (id) => {
    const body = cache.get(keyOf(id));
    return body === undefined ? undefined : (JSON.parse(body) as OtelContext);
  };
}

/**
 * A stored `otel` back to its public shape: `{mapped, unmapped, resource, scope, spanKind, …}`
 * exactly as the mapping produced it. Bodies stored before interning (no `ctx`) pass unchanged.
 */
export function expandOtel(stored: unknown, contextOf: (id: number) => OtelContext | undefined): unknown {
  if (typeof stored !== "object" || stored === null) return stored;
  const { ctx, unmapped, ...rest } = stored as Partial<StoredOtel>;
  if (typeof ctx !== "number") return stored;
  const context = contextOf(ctx);
  if (!context) return stored; // cannot happen while contexts are never deleted; keep what there is
  // Fields a span took from its root after it was stored (lib/otlp/inherit-root-attributes.ts)
  // join the mapped table, so the inspector shows their source like in-export inheritance.
  const { inherited, ...others } = rest as Record<string, unknown> & { inherited?: Record<string, string> };
  const mapped = inherited ? { ...context.mapped, ...inherited } : context.mapped;
  const otel: Record<string, unknown> = { mapped, unmapped, resource: context.resource, scope: context.scope, spanKind: context.spanKind, ...others };
  // The mapping sets `original` last, so an interned one goes back at the end.
  if (context.original !== undefined) otel.original = context.original;
  return otel;
}
