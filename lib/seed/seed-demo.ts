import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prompt, promptVersion } from "@/db/schema";
import { ensureProject } from "@/lib/projects/create-project";
import { setMembership } from "@/lib/projects/memberships";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { upsertUser } from "@/lib/users/create-user";
import { DEMO_PROMPTS } from "./demo-catalog";
import { demoPassword } from "./demo-password";
import { demoEvents } from "./demo-events";

export const DEMO_PROJECT = "demo";
export const DEMO_EMAIL = "demo@sightline.local";

export interface DemoSeedResult {
  projectId: number;
  events: number;
  email: string;
  password: string;
}

/**
 * Creates the demo project and its login, and fills it through the real ingest path.
 * `alsoAdmin` (the headless-init admin) is made an admin of the demo project too.
 */
export async function seedDemo(db: Db, opts: { now?: number; days?: number; alsoAdminUserId?: number } = {}): Promise<DemoSeedResult> {
  const now = opts.now ?? Date.now();
  const { id: projectId } = await ensureProject(db, DEMO_PROJECT, "Demo");
  const password = demoPassword();
  await upsertUser(db, { email: DEMO_EMAIL, password, name: "Demo user", projectId, role: "admin" });
  if (opts.alsoAdminUserId) await setMembership(db, opts.alsoAdminUserId, projectId, "admin");
  let batch: Record<string, unknown>[] = [];
  let events = 0;
  const flush = async () => {
    const res = await ingestEvents(db, projectId, batch, { now });
    if (res.rejected) throw new Error(`demo seed produced invalid events: ${JSON.stringify(res.results.find((x) => x.error))}`);
    events += res.accepted;
    batch = [];
  };
  for (const e of demoEvents({ now, days: opts.days ?? 7, llmPerHour: 260, predictionsPerHour: 140 })) {
    batch.push(e);
    if (batch.length === 1000) await flush();
  }
  if (batch.length) await flush();
  await registerTemplates(db, projectId, now);
  return { projectId, events, email: DEMO_EMAIL, password };
}

/** Prompt templates and labels (versions themselves were created by the events naming them). */
async function registerTemplates(db: Db, projectId: number, now: number) {
  for (const p of DEMO_PROMPTS) {
    const [row] = await db.orm.select().from(prompt).where(and(eq(prompt.projectId, projectId), eq(prompt.key, p.key))).limit(1);
    if (!row) continue;
    await db.orm.update(prompt).set({ name: p.key.replace(/-/g, " ") }).where(eq(prompt.id, row.id));
    for (const [i, v] of p.versions.entries()) {
      await db.orm
        .update(promptVersion)
        .set({ template: v.template, labels: v.labels, createdAt: now - (p.versions.length - i) * 2 * 86_400_000 })
        .where(and(eq(promptVersion.promptId, row.id), eq(promptVersion.version, v.version)));
    }
  }
}
