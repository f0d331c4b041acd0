import { runHttpIngest, type HttpIngestResult } from "./http-ingest";
import { OtlpBodies } from "./otlp-bodies";
import { round } from "./stats";

export interface OtlpHttpResult {
  spansPerBatch: number;
  bytesPerEvent: number;
  native: HttpIngestResult;
  otlp: HttpIngestResult;
  /** OTLP spans/s ÷ native events/s: the issue-4 target is ≥ 0.70. */
  ratio: number;
}

/**
 * OTLP/HTTP protobuf export against the native API for the same events, each on its own fresh
 * database and server (so neither pays the other's WAL checkpoints), same clients and duration.
 */
export async function runOtlpHttp(opts: { workDir: string; port: number; spans: number; clients: number; seconds: number; spreadMs: number }): Promise<OtlpHttpResult> {
  const otlpBodies = new OtlpBodies(opts.spans, Math.floor(Math.random() * 0xffff), opts.spreadMs);
  const common = { workDir: opts.workDir, port: opts.port, batchSize: opts.spans, clients: opts.clients, seconds: opts.seconds, spreadMs: opts.spreadMs };
  const native = await runHttpIngest({ ...common, name: `native-${opts.spans}`, bodies: otlpBodies.nativeBodies() });
  const otlp = await runHttpIngest({ ...common, name: `otlp-${opts.spans}`, bodies: otlpBodies });
  return { spansPerBatch: opts.spans, bytesPerEvent: otlpBodies.bytesPerEvent, native, otlp, ratio: round(otlp.eventsPerSec / native.eventsPerSec, 3) };
}
