import type { Db } from "@/db/client";
import { project } from "@/db/schema";
import { findUserByEmail } from "@/lib/users/create-user";
import { seedDemo, type DemoSeedResult } from "@/lib/seed/seed-demo";
import { headlessInit, type Env, type InitResult } from "./headless-init";

export interface BootstrapResult {
  init: InitResult;
  demo?: DemoSeedResult;
}

/**
 * What `npm start` does before serving (the database is migrated when opened): ship the
 * price book, apply SIGHTLINE_INIT_*, and on an empty database seed the demo project unless
 * SIGHTLINE_DEMO=0.
 */
export async function bootstrap(db: Db, env: Env = process.env): Promise<BootstrapResult> {
  const empty = (await db.orm.select({ id: project.id }).from(project).limit(1)).length === 0;
  const init = await headlessInit(db, env);
  if (!empty || env.SIGHTLINE_DEMO === "0") return { init };
  const admin = init.adminEmail ? await findUserByEmail(db, init.adminEmail) : undefined;
  return { init, demo: await seedDemo(db, { alsoAdminUserId: admin?.id }) };
}
