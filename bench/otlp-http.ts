import { runHttpIngest, type HttpIngestResult } from "./http-ingest";
import { OtlpBodies } from "./otlp-bodies";
import type { SeedTemplate } from "./bench-db";
import { round } from "./stats";

export interface OtlpHttpResult {
  /** "real": a fresh random trace id per trace and request, as SDKs make them; "old": nearly sequential ones. */
  shape: "real" | "old";
  spansPerBatch: number;
  bytesPerEvent: number;
  native: HttpIngestResult;
  otlp: HttpIngestResult;
  /** Events already stored when both runs started. */
  prestored: number;
  /** OTLP spans/s ÷ native events/s: the issue-4 target is ≥ 0.70. */
  ratio: number;
}

/**
 * OTLP/HTTP protobuf export against the native API for the same events, each on its own fresh
 * database and server (so neither pays the other's WAL checkpoints), same clients and duration.
 */
export async function runOtlpHttp(opts: { workDir: string; port: number; spans: number; clients: number; seconds: number; spreadMs: number; shape: "real" | "old"; template?: SeedTemplate }): Promise<OtlpHttpResult> {
  const otlpBodies = new OtlpBodies(opts.spans, Math.floor(Math.random() * 0xffff), opts.spreadMs, 4, opts.shape === "real");
  const common = { workDir: opts.workDir, port: opts.port, batchSize: opts.spans, clients: opts.clients, seconds: opts.seconds, spreadMs: opts.spreadMs, template: opts.template };
  const native = await runHttpIngest({ ...common, name: `native-${opts.spans}-${opts.shape}`, bodies: otlpBodies.nativeBodies(), shape: `native, ${opts.shape}` });
  const otlp = await runHttpIngest({ ...common, name: `otlp-${opts.spans}-${opts.shape}`, bodies: otlpBodies, shape: `otlp, ${opts.shape}` });
  return { shape: opts.shape, prestored: opts.template?.events ?? 0, spansPerBatch: opts.spans, bytesPerEvent: otlpBodies.bytesPerEvent, native, otlp, ratio: round(otlp.eventsPerSec / native.eventsPerSec, 3) };
}
