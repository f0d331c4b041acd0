import { randomBytes } from "node:crypto";
import { memo, type Db } from "@/db/client";
import { readProjectSetting } from "@/db/statements/project-setting";
import { readOrCreateSecretFile } from "@/lib/config/secret-file";
import type { RedactionOptions } from "@/lib/redaction/redact-text";

export interface IngestPolicy {
  redaction: RedactionOptions;
}

/** The key of hash-mode redaction: generated once per installation (data directory, 0600). */
function redactionKey(db: Db): string {
  return memo(db, "redactionKey", () => readOrCreateSecretFile("redaction-key", () => randomBytes(32).toString("base64url")));
}

/**
 * Read once per batch (one primary-key lookup, a few microseconds against a batch's commit), not
 * cached: a project that turns redaction on must not store one more unredacted batch, in any process.
 */
export async function ingestPolicy(db: Db, projectId: number): Promise<IngestPolicy> {
  const mode = (await readProjectSetting(db, projectId))?.redaction_mode ?? "off";
  return { redaction: mode === "hash" ? { mode, hashKey: redactionKey(db) } : { mode } };
}
