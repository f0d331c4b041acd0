/**
 * The Sightline CLI: `npm run sightline -- <command> [options]`.
 *   migrate
 *   project:create --slug S [--name N]
 *   user:create --email E --password P --role admin|engineer|reviewer|viewer [--project S]
 *   key:create --project S --scopes ingest,read,admin [--name N]
 *   seed --scenario demo|load [--events N] [--days D] [--project S]
 *   key:revoke --project S --id N
 *   user:disable --email E [--enable]
 *   demo:password
 *   migrate-data --from file:… --to postgres://… [--batch N]
 */
import { parseArgs } from "node:util";
import { systemContext } from "@/lib/services/context";
import { openDb, type Db } from "@/db/client";
import { ROLES, SCOPES, type Role, type Scope } from "@/db/schema";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { setAccountDisabled } from "@/lib/members/disable-account";
import { createProject, ensureProject, findProjectBySlug } from "@/lib/projects/create-project";
import { DEMO_EMAIL, seedDemo } from "@/lib/seed/seed-demo";
import { storedDemoPassword } from "@/lib/seed/demo-password";
import { verifyPassword } from "@/lib/users/passwords";
import { seedLoad } from "@/lib/seed/seed-load";
import { findUserByEmail, upsertUser } from "@/lib/users/create-user";
import { ApiError } from "@/lib/api/errors";
import { databaseDialect } from "@/lib/config/env";
import { copyDatabase } from "@/db/copy/copy-database";

const USAGE = `usage: npm run sightline -- <command> [options]
  migrate
  project:create --slug S [--name N]
  user:create --email E --password P --role ${ROLES.join("|")} [--project S]
  key:create --project S --scopes ${SCOPES.join(",")} [--name N]
  seed --scenario demo|load [--events N] [--days D] [--project S]
  key:revoke --project S --id N
  user:disable --email E [--enable]
  demo:password

  migrate-data --from file:<sqlite> --to postgres://… [--batch N]   (resumable; verifies counts)`;

class UsageError extends Error {}

const options = {
  email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, project: { type: "string" },
  scopes: { type: "string" }, name: { type: "string" }, slug: { type: "string" }, scenario: { type: "string" },
  events: { type: "string" }, days: { type: "string" }, id: { type: "string" }, enable: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  from: { type: "string" }, to: { type: "string" }, batch: { type: "string" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>["values"];

function required(v: Values, name: keyof Values): string {
  const x = v[name];
  if (typeof x !== "string" || x === "") throw new UsageError(`--${name} is required`);
  return x;
}

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

async function projectId(db: Db, slug: string): Promise<number> {
  const p = await findProjectBySlug(db, slug);
  if (!p) throw new UsageError(`project "${slug}" does not exist (create it with project:create --slug ${slug})`);
  return p.id;
}

const commands: Record<string, (db: Db, v: Values) => Promise<void> | void> = {
  migrate: () => console.error("database is migrated"),
  "project:create": async (db, v) => {
    const { id } = await createProject(db, { slug: required(v, "slug"), name: v.name });
    console.error(`created project ${v.slug} (id ${id})`);
  },
  "user:create": async (db, v) => {
    const role = required(v, "role") as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
    const slug = v.project ?? "default";
    const pid = v.project ? await projectId(db, slug) : (await ensureProject(db, slug)).id;
    const res = await upsertUser(db, { email: required(v, "email"), password: required(v, "password"), role, projectId: pid });
    console.error(`${res.created ? "created" : "updated"} user ${v.email} as ${role} of ${slug}`);
  },
  "key:create": async (db, v) => {
    const scopes = required(v, "scopes").split(",").map((s) => s.trim()) as Scope[];
    const bad = scopes.filter((s) => !SCOPES.includes(s));
    if (bad.length || !scopes.length) throw new UsageError(`--scopes must be a comma list of ${SCOPES.join(", ")}`);
    const ctx = systemContext(db, await projectId(db, required(v, "project")), "cli");
    const { key } = await createApiKey(ctx, { name: v.name ?? "cli", scopes });
    console.error(`API key for ${v.project} with scopes ${scopes.join(",")} — shown once, store it now:`);
    console.log(key);
  },
  "key:revoke": async (db, v) => {
    const ctx = systemContext(db, await projectId(db, required(v, "project")), "cli");
    const id = positiveInt(required(v, "id"), "id", 0);
    const live = await revokeApiKey(ctx, { keyId: id });
    console.error(live ? `revoked key ${id}; every process refuses it within 10 s` : `key ${id} of ${v.project} is unknown or already revoked`);
    if (!live) process.exitCode = 1;
  },
  "user:disable": async (db, v) => {
    const disabled = !v.enable;
    const res = await setAccountDisabled(db, { email: required(v, "email"), disabled, by: "cli" });
    console.error(`${res.changed ? "" : "already "}${disabled ? "disabled" : "enabled"} ${v.email}${disabled && res.changed ? "; its sessions end at their next request" : ""}`);
  },
  "demo:password": async (db) => {
    const password = storedDemoPassword();
    const demo = await findUserByEmail(db, DEMO_EMAIL);
    if (!password || !demo) throw new UsageError("this installation has no demo login (seed one with: seed --scenario demo)");
    if (!(await verifyPassword(password, demo.passwordHash))) throw new UsageError(`the password of ${DEMO_EMAIL} was changed since it was generated`);
    console.error(`demo login: ${DEMO_EMAIL}`);
    console.log(password);
  },
  seed: async (db, v) => {
    const scenario = required(v, "scenario");
    if (scenario === "demo") {
      const res = await seedDemo(db, { days: positiveInt(v.days, "days", 7) });
      console.error(`seeded ${res.events} demo events; log in as ${res.email} / ${res.password}`);
    } else if (scenario === "load") {
      const events = positiveInt(v.events, "events", 1_000_000);
      const res = await seedLoad(db, {
        events, days: positiveInt(v.days, "days", 30), projectSlug: v.project ?? "load",
        onProgress: (n) => console.error(`  ${n.toLocaleString("en")} events…`),
      });
      console.error(`seeded ${res.events.toLocaleString("en")} events into project ${v.project ?? "load"} in ${(res.ms / 1000).toFixed(1)} s (${Math.round(res.events / (res.ms / 1000)).toLocaleString("en")} events/s)`);
    } else {
      throw new UsageError("--scenario must be demo or load");
    }
  },
};

async function main() {
  const { values, positionals } = parseArgs({ options, allowPositionals: true, strict: true });
  const cmd = positionals[0];
  if (values.help || !cmd) return void console.log(USAGE);
  if (cmd === "migrate-data") return migrateData(values);
  const run = commands[cmd];
  if (!run) throw new UsageError(`unknown command "${cmd}"`);
  const db = openDb();
  try {
    await run(db, values);
  } finally {
    await db.close();
  }
}

/** SQLite → PostgreSQL, in batches, resumable, counts verified (db/copy/copy-database.ts). */
async function migrateData(v: Values) {
  const from = required(v, "from");
  const to = required(v, "to");
  if (databaseDialect(from) !== "sqlite") throw new UsageError("--from must be a SQLite database (file:…)");
  if (databaseDialect(to) !== "postgres") throw new UsageError("--to must be a PostgreSQL URL (postgres://…)");
  const source = openDb(from, { migrate: false });
  const target = openDb(to, { poolSize: 2 });
  try {
    let shown = "";
    const counts = await copyDatabase(source, target, {
      batchRows: positiveInt(v.batch, "batch", 2000),
      onProgress: ({ table, rows, total }) => {
        const line = `  ${table}: ${rows.toLocaleString("en")} / ${total.toLocaleString("en")}`;
        if (line !== shown) console.error((shown = line));
      },
    });
    const wrong = counts.filter((c) => c.source !== c.target);
    for (const c of counts) console.error(`${c.source === c.target ? "ok  " : "DIFF"} ${c.table}: ${c.source} → ${c.target}`);
    if (wrong.length) throw new Error(`row counts differ in ${wrong.map((c) => c.table).join(", ")}`);
    console.error("copied and verified; point DATABASE_URL at the PostgreSQL database");
  } finally {
    await source.close();
    await target.close();
  }
}

main().catch((err) => {
  if (err instanceof UsageError || err instanceof ApiError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`error: ${err.message}${err instanceof ApiError && err.details ? ` (${err.details.map((d) => `${d.path}: ${d.message}`).join("; ")})` : ""}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
