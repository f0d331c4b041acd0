import http from "node:http";
import { expect } from "vitest";
import type { WireRequest } from "./arbitraries";

/** Cases per suite; FUZZ_RUNS_PERCENT scales them all (10 for a quick look, 1000 for a long soak). */
export function runs(base: number): number {
  const scale = Number(process.env.FUZZ_RUNS_PERCENT ?? 100);
  return Math.max(1, Math.round((base * scale) / 100));
}

/** fast-check options shared by the suites: a seed from FUZZ_SEED replays a reported failure. */
export function fuzzOptions(numRuns: number) {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return { numRuns, seed, endOnFailure: true };
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  bytes: Buffer;
}

/**
 * One request on its own connection (node:http, no keep-alive): a server that answers 413 or
 * 415 before reading a body resets that connection, which must not fail the next case.
 */
export function send(url: string, method: string, req: Partial<WireRequest> & { key?: string | null }): Promise<Answer> {
  const headers: Record<string, string | number> = {};
  if (req.contentType !== null && req.contentType !== undefined) headers["content-type"] = req.contentType;
  if (req.encoding !== null && req.encoding !== undefined) headers["content-encoding"] = req.encoding;
  if (req.key) headers.authorization = `Bearer ${req.key}`;
  if (req.body) headers["content-length"] = req.body.length;
  return new Promise((resolve, reject) => {
    const r = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), text: bytes.toString("utf8"), bytes });
      });
      res.on("error", reject);
    });
    // The server may answer and close before taking the whole body: the answer is what counts.
    r.on("error", (err: NodeJS.ErrnoException) => (err.code === "EPIPE" || err.code === "ECONNRESET" ? undefined : reject(err)));
    r.end(req.body);
  });
}

/** No 5xx ever; every 4xx carries the one error shape `{error:{code,message,details?,requestId}}`. */
export function expectNoServerErrorAndErrorShape(a: Answer, what: string): void {
  expect(a.status, `${what}: ${a.text.slice(0, 300)}`).toBeLessThan(500);
  if (a.status < 400) return;
  const body = JSON.parse(a.text) as { error?: Record<string, unknown> };
  expect(body.error, what).toBeTypeOf("object");
  expect(body.error!.code, what).toBeTypeOf("string");
  expect(body.error!.message, what).toBeTypeOf("string");
  expect(body.error!.requestId, what).toBeTypeOf("string");
  if (body.error!.details !== undefined) {
    expect(Array.isArray(body.error!.details), what).toBe(true);
    for (const d of body.error!.details as { path: unknown; message: unknown }[]) {
      expect(d.path, what).toBeTypeOf("string");
      expect(d.message, what).toBeTypeOf("string");
    }
  }
}
