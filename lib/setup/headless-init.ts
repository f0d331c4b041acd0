import type { Db } from "@/db/client";
import { SCOPES } from "@/db/schema";
import { createApiKey, findApiKeyByPlainKey } from "@/lib/auth/api-keys";
import { ensureProject } from "@/lib/projects/create-project";
import { setMembership } from "@/lib/projects/memberships";
import { findUserByEmail, upsertUser } from "@/lib/users/create-user";
import { verifyPassword } from "@/lib/users/passwords";
import { systemContext } from "@/lib/services/context";

export type Env = Record<string, string | undefined>;

export interface InitResult {
  projectSlug?: string;
  adminEmail?: string;
  apiKeyRegistered?: boolean;
}

/**
 * Applies SIGHTLINE_INIT_PROJECT / _ADMIN_EMAIL / _ADMIN_PASSWORD / _API_KEY. Safe to run on
 * every start: existing rows are left as they are (a changed admin password is applied).
 */
export async function headlessInit(db: Db, env: Env = process.env): Promise<InitResult> {
  const email = env.SIGHTLINE_INIT_ADMIN_EMAIL;
  const password = env.SIGHTLINE_INIT_ADMIN_PASSWORD;
  const key = env.SIGHTLINE_INIT_API_KEY;
  if (!env.SIGHTLINE_INIT_PROJECT && !email && !key) return {};
  if (Boolean(email) !== Boolean(password)) {
    throw new Error("Set both SIGHTLINE_INIT_ADMIN_EMAIL and SIGHTLINE_INIT_ADMIN_PASSWORD, or neither");
  }
  const slug = env.SIGHTLINE_INIT_PROJECT || "default";
  const { id: projectId } = await ensureProject(db, slug);
  const out: InitResult = { projectSlug: slug };
  if (email && password) {
    const existing = await findUserByEmail(db, email);
    if (!existing || !(await verifyPassword(password, existing.passwordHash))) {
      await upsertUser(db, { email, password, projectId, role: "admin" });
    } else {
      await setMembership(db, existing.id, projectId, "admin");
    }
    out.adminEmail = email;
  }
  if (key) {
    const row = await findApiKeyByPlainKey(db, key);
    if (row && row.projectId !== projectId) throw new Error("SIGHTLINE_INIT_API_KEY is already registered to another project");
    if (!row) await createApiKey(systemContext(db, projectId, "headless-init"), { name: "SIGHTLINE_INIT_API_KEY", scopes: [...SCOPES], key });
    out.apiKeyRegistered = true;
  }
  return out;
}
