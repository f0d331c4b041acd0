import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./to-csv";

describe("toCsv", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["+1+1", `"'+1+1"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
    ["plain", `"plain"`],
    ['say "hi", ok', `"say ""hi"", ok"`],
    ["a=b", `"a=b"`],
  ])("neutralises %j", (input, out) => expect(csvCell(input)).toBe(out));

  it("serialises objects as JSON (themselves guarded), null as empty", () => {
    expect(csvCell({ role: "viewer" })).toBe(`"{""role"":""viewer""}"`);
    expect(csvCell(null)).toBe(`""`);
    expect(csvCell(-5)).toBe(`"'-5"`);
  });

  it("joins rows with CRLF under a header", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe(`"a","b"\r\n"1","x"\r\n`);
  });
});
