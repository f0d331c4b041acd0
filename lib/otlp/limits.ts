import { RateLimitedError } from "@/lib/api/errors";
import { intEnv } from "@/lib/config/env";

/**
 * OTLP batches can be larger than native ones (a collector sends thousands of spans with full
 * prompts), hence a separate, larger body limit.
 */
export function otlpMaxBodyBytes(): number {
  return intEnv("SIGHTLINE_OTLP_MAX_BODY_BYTES", 16 * 1024 * 1024);
}

let inFlight = 0;

/** Exports being received or stored right now in this process. */
export function exportsInProgress(): number {
  return inFlight;
}

/**
 * Bounds the exports being received at once (each may hold a large body in memory). Past the
 * bound the answer is 429 with Retry-After, which every OTLP exporter retries with backoff.
 */
export async function admitExport<T>(run: () => Promise<T>): Promise<T> {
  const max = intEnv("SIGHTLINE_OTLP_MAX_CONCURRENT", 8);
  if (inFlight >= max) throw new RateLimitedError(`More than ${max} OTLP exports in progress; retry shortly`, 1);
  inFlight++;
  try {
    return await run();
  } finally {
    inFlight--;
  }
}
