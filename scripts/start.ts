/**
 * `npm start`: build when the sources changed since the last build, migrate, apply
 * SIGHTLINE_INIT_*, seed the demo on an empty database, then serve with `next start`.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDb } from "@/db/client";
import { authSecret } from "@/lib/auth/secret";
import { intEnv } from "@/lib/config/env";
import { bootstrap } from "@/lib/setup/bootstrap";
import { DEMO_EMAIL } from "@/lib/seed/seed-demo";
import { findUserByEmail } from "@/lib/users/create-user";
import { ingestWorkerFile } from "@/lib/ingest/writer/worker-file";
import { buildIngestWorker } from "./build-ingest-worker";

const ROOT = process.cwd();
const BUILD_INPUTS = ["app", "components", "lib", "db", "public", "instrumentation.ts", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"];
const STAMP = path.join(ROOT, ".next", "sightline-build-fingerprint");

function fingerprint(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!name.endsWith(".test.ts")) walk(path.join(p, name));
    } else {
      h.update(path.relative(ROOT, p)).update(fs.readFileSync(p));
    }
  };
  BUILD_INPUTS.forEach((p) => walk(path.join(ROOT, p)));
  return h.digest("hex");
}

function ensureBuild() {
  const fp = fingerprint();
  const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.readFileSync(STAMP, { encoding: "utf8", flag: "a+" }) === fp;
  if (built) return;
  console.log("[sightline] building the app (first start or sources changed)…");
  const res = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit", env: process.env });
  if (res.status !== 0) process.exit(res.status ?? 1);
  fs.writeFileSync(STAMP, fp);
}

async function main() {
  const port = intEnv("PORT", 3000);
  if (process.env.SIGHTLINE_SKIP_BUILD !== "1") {
    ensureBuild();
    buildIngestWorker(); // ~0.1 s; always from the current sources (next build clears .next)
  } else if (!fs.existsSync(ingestWorkerFile())) {
    buildIngestWorker();
  }
  authSecret(); // generate and persist once, so every process of this install shares it
  const db = openDb();
  const { init, demo } = await bootstrap(db);
  if (init.projectSlug) console.log(`[sightline] init: project "${init.projectSlug}"${init.adminEmail ? `, admin ${init.adminEmail}` : ""}${init.apiKeyRegistered ? ", API key registered" : ""}`);
  if (demo) console.log(`[sightline] seeded the demo project with ${demo.events.toLocaleString("en")} events`);
  const hasDemoUser = Boolean(await findUserByEmail(db, DEMO_EMAIL));
  await db.close();
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  // HOSTNAME is the listening address (next start's default is every interface); docs/security.md
  // recommends 127.0.0.1 unless a reverse proxy or a container network sits in front.
  const host = process.env.HOSTNAME || undefined;
  const args = ["start", "-p", String(port), ...(host ? ["-H", host] : [])];
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), ...args], { stdio: "inherit", env: process.env });
  console.log(`\n  Sightline on http://${host && host !== "0.0.0.0" ? host : "localhost"}:${port}${host ? "" : " (listening on every interface; set HOSTNAME=127.0.0.1 to keep it local)"}`);
  // The generated demo password is printed once, when the demo is seeded; later on demand.
  if (demo) console.log(`  Demo login: ${DEMO_EMAIL} / ${demo.password}  (shown once; again with: npm run sightline -- demo:password)\n`);
  else if (hasDemoUser) console.log(`  Demo login: ${DEMO_EMAIL} (password: npm run sightline -- demo:password)\n`);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
