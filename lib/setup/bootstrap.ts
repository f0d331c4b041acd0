import type { Db } from "@/db/client";
import { project } from "@/db/schema";
import { seedDemo, type DemoSeedResult } from "@/lib/seed/seed-demo";
import { headlessInit, type Env, type InitResult } from "./headless-init";

export interface BootstrapResult {
  init: InitResult;
  demo?: DemoSeedResult;
}

/**
 * What `npm start` does before serving (the database is migrated when opened): ship the
 * price book, apply SIGHTLINE_INIT_*, and on an empty database seed the demo project unless
 * SIGHTLINE_DEMO=0 or any SIGHTLINE_INIT_* is set: a configured (headless, production)
 * install never gets a demo admin it did not ask for.
 */
export async function bootstrap(db: Db, env: Env = process.env): Promise<BootstrapResult> {
  const empty = (await db.orm.select({ id: project.id }).from(project).limit(1)).length === 0;
  const init = await headlessInit(db, env);
  const configured = Object.keys(env).some((k) => k.startsWith("SIGHTLINE_INIT_") && env[k]);
  if (!empty || configured || env.SIGHTLINE_DEMO === "0") return { init };
  return { init, demo: await seedDemo(db) };
}
