import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it.each([
    ["/", "/"],
    ["/events?model=gpt-4o#x", "/events?model=gpt-4o#x"],
    ["/prompts/support%20bot", "/prompts/support%20bot"],
    ["/models/a/../b", "/models/b"],
  ])("keeps same-origin path %s", (input, out) => expect(safeCallback(input)).toBe(out));

  it.each([
    undefined,
    "",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F%2Fevil.example",
    "/%2Fevil.example",
    "/%252F%252Fevil.example",
    "/%255Cevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/javascript:alert(1)".replace("/", ""),
    "http:/evil.example",
    "evil.example",
    "/%E0%A4%A",
  ])("rejects %j", (input) => expect(safeCallback(input)).toBe("/"));
});
