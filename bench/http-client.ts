import http from "node:http";

export interface HttpResult {
  status: number;
  ms: number;
  body: string;
}

/** One keep-alive agent per run, so connection setup is not part of the measured latency. */
export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

export function request(
  agent: http.Agent,
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
    });
    // A request that never answers counts as failed, it does not stall the benchmark.
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error("timeout")));
    req.on("error", (err) => resolve({ status: 0, ms: performance.now() - started, body: String(err) }));
    req.end(opts.body);
  });
}
