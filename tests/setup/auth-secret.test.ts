import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { authSecret } from "@/lib/auth/secret";

describe("auth secret", () => {
  it("is generated once into the data directory (0600) and reused by later processes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-secret-"));
    const saved = { url: process.env.DATABASE_URL, secret: process.env.NEXTAUTH_SECRET };
    process.env.DATABASE_URL = `file:${path.join(dir, "data", "x.db")}`;
    try {
      delete process.env.NEXTAUTH_SECRET;
      const first = authSecret();
      const file = path.join(dir, "data", "auth-secret");
      expect(first).toMatch(/^[\w-]{40,}$/);
      expect(fs.readFileSync(file, "utf8").trim()).toBe(first);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      delete process.env.NEXTAUTH_SECRET; // a new process: only the file remains
      expect(authSecret()).toBe(first);
      process.env.NEXTAUTH_SECRET = "from-the-environment";
      expect(authSecret()).toBe("from-the-environment");
    } finally {
      process.env.DATABASE_URL = saved.url;
      if (saved.secret === undefined) delete process.env.NEXTAUTH_SECRET;
      else process.env.NEXTAUTH_SECRET = saved.secret;
    }
  });
});
