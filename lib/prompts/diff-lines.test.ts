import { describe, expect, it } from "vitest";
import { diffLines } from "./diff-lines";

describe("diffLines", () => {
  it("marks added, removed and unchanged lines", () => {
    expect(diffLines("You are helpful.\nAnswer: {{q}}", "You are helpful.\nBe concise.\nAnswer: {{q}}")).toEqual([
      { op: "same", text: "You are helpful." },
      { op: "add", text: "Be concise." },
      { op: "same", text: "Answer: {{q}}" },
    ]);
    expect(diffLines("a\nb", "a\nc")).toEqual([
      { op: "same", text: "a" },
      { op: "del", text: "b" },
      { op: "add", text: "c" },
    ]);
  });
});

describe("diffLines with blank lines and trailing newlines", () => {
  it("keeps blank lines and does not invent an empty last line", () => {
    expect(diffLines("a\n\nb\n", "a\n\nc\n")).toEqual([
      { op: "same", text: "a" },
      { op: "same", text: "" },
      { op: "del", text: "b" },
      { op: "add", text: "c" },
    ]);
  });
});
