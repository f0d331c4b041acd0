import { describe, expect, it } from "vitest";
import { loginUrlFor } from "./return-to";

describe("loginUrlFor", () => {
  it("carries the deep link, query included, as callbackUrl", () => {
    expect(loginUrlFor("/events?type=llm&status=error")).toBe("/login?callbackUrl=%2Fevents%3Ftype%3Dllm%26status%3Derror");
  });
  it("adds nothing for the home page or a missing or non-path value", () => {
    expect(loginUrlFor("/")).toBe("/login");
    expect(loginUrlFor(null)).toBe("/login");
    expect(loginUrlFor("https://evil.example/")).toBe("/login");
  });
});
