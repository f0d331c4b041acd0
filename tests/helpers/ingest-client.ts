import { gzipSync } from "node:zlib";

export interface PostOptions {
  key?: string | null;
  contentType?: string;
  gzip?: boolean;
  headers?: Record<string, string>;
}

/** POSTs a JSON (or raw) body to `${base}${path}` and returns status plus parsed JSON. */
export async function post(base: string, path: string, body: unknown, opts: PostOptions = {}) {
  const raw = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": opts.contentType ?? "application/json", ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  let payload: string | Buffer = raw;
  if (opts.gzip) {
    payload = gzipSync(raw);
    headers["content-encoding"] = "gzip";
  }
  const res = await fetch(`${base}${path}`, { method: "POST", headers, body: typeof payload === "string" ? payload : new Uint8Array(payload) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

export async function get(base: string, path: string, key?: string) {
  const res = await fetch(`${base}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

let n = 0;
/** An LLM event with sensible defaults; override any field. */
export function llmEvent(over: Record<string, unknown> = {}) {
  return { id: `evt-${Date.now()}-${++n}`, type: "llm", model: "gpt-4o-mini", latencyMs: 120, inputTokens: 100, outputTokens: 50, ...over };
}

/** Any method with an optional JSON body and a Bearer key; status plus parsed JSON (null for an empty body). */
export async function send(base: string, method: string, path: string, body: unknown, key: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
