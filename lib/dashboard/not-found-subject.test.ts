import { describe, expect, it } from "vitest";
import { notFoundSubject } from "./not-found-subject";

describe("notFoundSubject", () => {
  it("names the missing model, prompt or trace, decoded", () => {
    expect(notFoundSubject("/models/no-such-model").title).toBe("No model “no-such-model”");
    expect(notFoundSubject("/prompts/a%20b").title).toBe("No prompt “a b”");
    expect(notFoundSubject("/traces/abc123").title).toBe("No trace “abc123”");
  });
  it("falls back to a page for unknown routes and malformed escapes", () => {
    expect(notFoundSubject("/nowhere/at/all")).toEqual({ title: "Page not found", detail: "Nothing lives at /nowhere/at/all." });
    expect(notFoundSubject("/models/%E0%A4%A").title).toBe("No model “%E0%A4%A”");
  });
});
