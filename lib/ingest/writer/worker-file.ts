import path from "node:path";

/**
 * The ingest writer's worker script: lib/ingest/writer/worker-entry.ts bundled by esbuild
 * (scripts/build-ingest-worker.ts) at `npm run build`, `npm start` and before the tests. A
 * separate bundle because Next's server bundles cannot be loaded as a thread entry point.
 */
export function ingestWorkerFile(): string {
  return path.join(process.cwd(), ".next", "sightline", "ingest-writer.cjs");
}
