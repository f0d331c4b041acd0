/**
 * The message shapes GenAI instrumentations emit, turned into Sightline's `input` (a string or
 * chat messages `{role, content}`) and `output` (a string).
 *
 * - OTel GenAI ≥1.37: `[{role, parts: [{type: "text", content}, {type: "tool_call", …}]}]`
 * - OpenAI style (older gen_ai.prompt, Vercel `ai.prompt.messages`, Langfuse):
 *   `[{role, content: "text" | [{type: "text", text}]}]`
 * - flattened rows (OpenLLMetry `gen_ai.prompt.0.role`, OpenInference `llm.input_messages.0.message.role`)
 */
export interface ChatMessage {
  role: string;
  content: unknown;
  [key: string]: unknown;
}

const MAX_ROLE = 64;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Text of a content value: a string, or the text parts of a parts list; undefined if none. */
function textOf(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    const texts = content.map((p) => (isObject(p) && (p.type === "text" || p.type === undefined) ? (p.content ?? p.text) : undefined));
    if (texts.length && texts.every((t) => typeof t === "string")) return texts.join("\n");
  }
  return undefined;
}

/** One message in any of the shapes above → `{role, content}` (text when it is all text). */
export function toChatMessage(m: unknown, defaultRole = "user"): ChatMessage | undefined {
  if (typeof m === "string") return { role: defaultRole, content: m };
  if (!isObject(m)) return undefined;
  const roleRaw = typeof m.role === "string" && m.role ? m.role : defaultRole;
  const { role: _role, parts, content, ...rest } = m;
  void _role;
  const body = parts !== undefined ? parts : content;
  const text = textOf(body);
  return { ...rest, role: roleRaw.slice(0, MAX_ROLE), content: text ?? body ?? null };
}

/** A list of messages (any shape) → chat messages; undefined when it is not a list of messages. */
function toChatMessages(v: unknown): ChatMessage[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  if (!v.every((m) => isObject(m) && ("role" in m || "parts" in m || "content" in m))) return undefined;
  return v.map((m) => toChatMessage(m)!);
}

/** System instructions (`[{type: "text", content}]` or a string) → a system message. */
export function systemMessage(v: unknown): ChatMessage | undefined {
  const text = textOf(v);
  if (text !== undefined) return { role: "system", content: text };
  if (v === undefined || v === null) return undefined;
  return { role: "system", content: v };
}

/** Anything usable as `input`: a string stays a string, messages become chat messages. */
export function toInput(v: unknown): string | ChatMessage[] | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "string") return v;
  const msgs = toChatMessages(v);
  if (msgs) return msgs;
  if (isObject(v) && Array.isArray(v.messages)) {
    const inner = toChatMessages(v.messages);
    const sys = typeof v.system === "string" ? [{ role: "system", content: v.system }] : [];
    if (inner) return [...sys, ...inner];
  }
  if (isObject(v) && typeof v.prompt === "string" && Object.keys(v).every((k) => k === "prompt" || k === "system")) {
    return typeof v.system === "string" ? [{ role: "system", content: v.system }, { role: "user", content: v.prompt }] : v.prompt;
  }
  return JSON.stringify(v);
}

/** Anything usable as `output` (always a string): the text of the messages when there is text. */
export function toOutput(v: unknown): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "string") return v;
  if (Array.isArray(v)) {
    const texts = v.map((m) => (isObject(m) ? textOf(m.parts ?? m.content ?? m.message ?? m.text) : textOf([m])));
    if (texts.length && texts.every((t) => t !== undefined)) return texts.join("\n");
  }
  if (isObject(v)) {
    const t = textOf(v.parts ?? v.content) ?? (isObject(v.message) ? textOf(v.message.content) : undefined) ?? (typeof v.text === "string" ? v.text : undefined);
    if (t !== undefined) return t;
  }
  return JSON.stringify(v);
}

/** Flattened rows `[{role, content}]` (keys relative to the row) → chat messages. */
export function rowsToMessages(rows: Record<string, unknown>[], roleKey = "role", contentKey = "content"): ChatMessage[] | undefined {
  const msgs = rows
    .filter((r) => r[roleKey] !== undefined || r[contentKey] !== undefined)
    .map((r) => {
      const { [roleKey]: role, [contentKey]: content, ...rest } = r;
      return { ...rest, role: typeof role === "string" && role ? role.slice(0, MAX_ROLE) : "user", content: content ?? null };
    });
  return msgs.length ? msgs : undefined;
}

const ELIDED = "…(in output)";

/**
 * A message structure with its text replaced by a marker: what `otel.original` keeps of an
 * attribute whose text became `output`, so the role, finish reason and non-text parts survive
 * without storing the text twice.
 */
export function elideText(v: unknown): unknown {
  if (typeof v === "string") return ELIDED;
  if (Array.isArray(v)) return v.map(elideText);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if ((k === "content" || k === "text") && typeof x === "string") out[k] = ELIDED;
    else if (k === "parts" || k === "content" || k === "message") out[k] = elideText(x);
    else out[k] = x;
  }
  return out;
}
