import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkDestination, type GuardOptions } from "./destination-guard";

export const DELIVERY_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;

export interface PostResult {
  status: number | null;
  retryAfter: string | null;
  latencyMs: number;
  /** The first characters of the response body, for the delivery log. */
  excerpt: string;
  error: string | null;
}

/**
 * POSTs a JSON body to a channel destination. The destination is checked again here (it may
 * resolve elsewhere than when the channel was created) and the connection goes to the address
 * that passed the check, never to a second DNS answer.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, opts: GuardOptions & { timeoutMs?: number } = {}): Promise<PostResult> {
  const started = performance.now();
  const checked = await checkDestination(url, opts);
  if (!checked.ok) return { status: null, retryAfter: null, latencyMs: 0, excerpt: "", error: `destination refused: ${checked.reason}` };
  const pinned: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: checked.address, family: checked.family }]);
    else cb(null, checked.address, checked.family);
  };
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const mod = checked.url.protocol === "https:" ? https : http;
  return new Promise<PostResult>((resolve) => {
    const done = (r: Omit<PostResult, "latencyMs">) => resolve({ ...r, latencyMs: Math.round(performance.now() - started) });
    const req = mod.request(
      checked.url,
      {
        method: "POST",
        lookup: pinned,
        headers: { "content-type": "application/json", "user-agent": "Sightline-Alerts/1", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < EXCERPT_CHARS * 4) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => {
          const retryAfter = res.headers["retry-after"];
          done({ status: res.statusCode ?? null, retryAfter: typeof retryAfter === "string" ? retryAfter : null, excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS), error: null });
        });
        res.on("error", (err) => done({ status: res.statusCode ?? null, retryAfter: null, excerpt: "", error: err.message }));
      },
    );
    // A whole-request deadline, not an idle timeout: a receiver trickling bytes still ends at 10 s.
    const timer = setTimeout(() => req.destroy(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    req.on("close", () => clearTimeout(timer));
    req.on("error", (err) => done({ status: null, retryAfter: null, excerpt: "", error: err.message }));
    req.end(body);
  });
}
