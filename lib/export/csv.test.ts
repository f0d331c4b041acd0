import { describe, expect, it } from "vitest";
import { csvCell, csvRow, neutraliseCell, parseCsv, unneutraliseCell } from "./csv";

describe("CSV formula injection", () => {
  it.each(["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])("neutralises %j", (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
    const [[back]] = parseCsv(csvRow([text]));
    expect(back.startsWith("'")).toBe(true);
    expect(unneutraliseCell(back)).toBe(text);
  });

  it("leaves ordinary text, numbers and booleans alone", () => {
    expect(csvCell("hello")).toBe("hello");
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
  });

  it("an apostrophe at the start is escaped too, so unescaping is exact", () => {
    for (const text of ["'quoted'", "'=1", "it's", ""]) {
      expect(unneutraliseCell(neutraliseCell(text))).toBe(text);
    }
  });
});

describe("csvRow / parseCsv", () => {
  it("round-trips commas, quotes, newlines and edge spaces", () => {
    const cells = ['a,b', 'say "hi"', "line1\nline2", " padded ", "crlf\r\nend", "plain"];
    const parsed = parseCsv(csvRow(cells) + csvRow(["x", "y"]));
    expect(parsed).toEqual([cells, ["x", "y"]]);
  });
});
