import { beforeEach, describe, expect, it } from "vitest";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { price } from "@/db/schema";
import type { Db } from "@/db/client";
import { costOf, findPrice, invalidatePriceBook, seedDefaultPrices } from "./price-book";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await seedDefaultPrices(db);
});

describe("price book", () => {
  it.each([
    ["gpt-4o", 2.5, 10],
    ["gpt-4o-mini", 0.15, 0.6],
    ["openai/gpt-4o-mini-2024-07-18", 0.15, 0.6],
    ["GPT-4.1-nano", 0.1, 0.4],
    ["claude-sonnet-4-20250514", 3, 15],
    ["anthropic.claude-3-5-haiku-20241022-v1:0", 0.8, 4],
    ["gemini-2.5-flash", 0.3, 2.5],
  ])("prices %s", (model, input, output) => {
    const rule = findPrice(db, 1, model);
    expect(rule).not.toBeNull();
    expect([rule!.inputPerMTok, rule!.outputPerMTok]).toEqual([input, output]);
  });

  it("does not match unknown or merely similar names", async () => {
    expect(findPrice(db, 1, "my-finetune-7b")).toBeNull();
    expect(findPrice(db, 1, "gpt-4o-mini-tts-custom")).toBeNull();
  });

  it("prefers a project's own rule, and computes cost per million tokens", async () => {
    const { projectId } = await makeProject(db);
    const now = Date.now();
    db.orm.insert(price).values({ projectId, pattern: "gpt-4o", inputPerMTok: 1, outputPerMTok: 2, createdAt: now, updatedAt: now }).run();
    invalidatePriceBook(db);
    const rule = findPrice(db, projectId, "gpt-4o")!;
    expect(rule.inputPerMTok).toBe(1);
    expect(costOf(rule, 1_000_000, 500_000)).toBeCloseTo(2, 12);
    expect(findPrice(db, projectId + 1, "gpt-4o")!.inputPerMTok).toBe(2.5);
  });

  it("seeds only once", async () => {
    expect(await seedDefaultPrices(db)).toBe(0);
  });
});
