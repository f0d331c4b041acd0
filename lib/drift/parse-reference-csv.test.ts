import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/api/errors";
import { parseReferenceCsv } from "./parse-reference-csv";

describe("parseReferenceCsv", () => {
  it("reads numbers as numbers, quoted text with commas and quotes, empty cells as missing, the prediction column apart", () => {
    const rows = parseReferenceCsv('amount,city,note,prediction\r\n12.5,"Paris, FR","say ""hi""",1\n-3e2,Lyon,,no\n\n');
    expect(rows).toEqual([
      { features: { amount: 12.5, city: "Paris, FR", note: 'say "hi"' }, prediction: 1 },
      { features: { amount: -300, city: "Lyon", note: null }, prediction: "no" },
    ]);
  });

  it("names the row whose cell count differs from the header", () => {
    try {
      parseReferenceCsv("a,b\n1,2\n3");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).details).toEqual([{ path: "body.row3", message: "cell count differs from the header" }]);
    }
  });

  it("rejects a header without rows and more rows than allowed", () => {
    expect(() => parseReferenceCsv("a,b\n")).toThrow(ValidationError);
    expect(() => parseReferenceCsv("a\n1\n2\n3", 2)).toThrow(/more than 2 rows/);
  });
});
