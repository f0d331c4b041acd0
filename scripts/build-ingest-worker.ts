/**
 * Bundles the ingest writer thread (lib/ingest/writer/worker-entry.ts) to the file
 * lib/ingest/writer/worker-file.ts names. Packages stay external (resolved from node_modules at
 * run time, like the Next server does for better-sqlite3). Run by `npm run build`, `npm start`
 * and the test setup; ~0.1 s.
 */
import path from "node:path";
import { buildSync } from "esbuild";
import { ingestWorkerFile } from "@/lib/ingest/writer/worker-file";

export function buildIngestWorker(): string {
  const outfile = ingestWorkerFile();
  buildSync({
    entryPoints: [path.join(process.cwd(), "lib", "ingest", "writer", "worker-entry.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    tsconfig: path.join(process.cwd(), "tsconfig.json"),
    logLevel: "warning",
  });
  return outfile;
}

if (typeof __filename !== "undefined" && process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  console.log(`[sightline] ingest writer → ${path.relative(process.cwd(), buildIngestWorker())}`);
}
