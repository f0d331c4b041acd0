import type { Db } from "@/db/client";
import { SCOPES, type Scope } from "@/db/schema";
import { isGeneratedKeyShape } from "@/lib/auth/api-key-token";
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
 * Applies SIGHTLINE_INIT_PROJECT / _ADMIN_EMAIL / _ADMIN_PASSWORD / _API_KEY / _API_KEY_SCOPES.
 * Safe to run on every start: existing rows are left as they are (a changed admin password is
 * applied). The init key gets only the scopes it names (default ingest), and must have the
 * shape of a generated key, so "changeme" cannot become a credential.
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
    if (!isGeneratedKeyShape(key)) {
      throw new Error("SIGHTLINE_INIT_API_KEY must look like a generated key: sl_ followed by 43 base64url characters (make one with: node -e \"console.log('sl_'+require('crypto').randomBytes(32).toString('base64url'))\")");
    }
    const scopes = initKeyScopes(env.SIGHTLINE_INIT_API_KEY_SCOPES);
    const row = await findApiKeyByPlainKey(db, key);
    if (row && row.projectId !== projectId) throw new Error("SIGHTLINE_INIT_API_KEY is already registered to another project");
    if (!row) await createApiKey(systemContext(db, projectId, "headless-init"), { name: "SIGHTLINE_INIT_API_KEY", scopes, key });
    out.apiKeyRegistered = true;
  }
  return out;
}

/** SIGHTLINE_INIT_API_KEY_SCOPES: comma list, default "ingest". */
export function initKeyScopes(raw: string | undefined): Scope[] {
  const scopes = (raw || "ingest").split(",").map((s) => s.trim()).filter(Boolean) as Scope[];
  const bad = scopes.filter((s) => !SCOPES.includes(s));
  if (bad.length || !scopes.length) throw new Error(`SIGHTLINE_INIT_API_KEY_SCOPES must be a comma list of ${SCOPES.join(", ")}; got "${raw}"`);
  return [...new Set(scopes)];
}
