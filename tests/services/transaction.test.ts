import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { project } from "@/db/schema";
import { freshDb } from "@/tests/helpers/db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

const slugs = async () => (await db.orm.select({ slug: project.slug }).from(project)).map((r) => r.slug).sort();
const add = (tx: Db, slug: string) => tx.orm.insert(project).values({ slug, name: slug, createdAt: 1 });

describe("Db.transaction (the one way a service opens a transaction)", () => {
  it("commits when the callback resolves and rolls back everything when it throws", async () => {
    await db.transaction(async (tx) => {
      await add(tx, "kept");
    });
    await expect(
      db.transaction(async (tx) => {
        await add(tx, "lost-1");
        await add(tx, "lost-2");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await slugs()).toEqual(["kept"]);
  });

  it("makes a nested call a savepoint: the inner failure is undone, the outer work commits", async () => {
    await db.transaction(async (tx) => {
      await add(tx, "outer");
      await expect(
        tx.transaction(async (inner) => {
          await add(inner, "inner");
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      await tx.transaction(async (inner) => {
        await add(inner, "inner-ok");
      });
    });
    expect(await slugs()).toEqual(["inner-ok", "outer"]);
  });

  it("runs concurrent transactions one after the other, each seeing the other's committed rows", async () => {
    const counter = async () => {
      await db.transaction(async (tx) => {
        const [row] = await tx.orm.select().from(project).where(eq(project.slug, "counter"));
        if (!row) await add(tx, "counter");
        else await tx.orm.update(project).set({ createdAt: row.createdAt + 1 }).where(eq(project.id, row.id));
      });
    };
    await Promise.all(Array.from({ length: 20 }, counter));
    const [row] = await db.orm.select().from(project).where(eq(project.slug, "counter"));
    // One insert (createdAt 1) and 19 increments: no lost update.
    expect(row.createdAt).toBe(20);
  });

  it("on SQLite refuses a callback that waits on non-database work, and rolls it back; on PostgreSQL (own connection) lets it commit", async () => {
    if (db.dialect === "postgres") {
      await db.transaction(async (tx) => {
        await add(tx, "slow");
        await new Promise((r) => setTimeout(r, 5));
      });
      expect(await slugs()).toEqual(["slow"]);
      return;
    }
    await expect(
      db.transaction(async (tx) => {
        await add(tx, "slow");
        await new Promise((r) => setTimeout(r, 5));
      }),
    ).rejects.toThrow(/awaited non-database work/);
    expect(await slugs()).toEqual([]);
    // The connection is usable afterwards.
    await db.transaction(async (tx) => {
      await add(tx, "after");
    });
    expect(await slugs()).toEqual(["after"]);
  });
});
