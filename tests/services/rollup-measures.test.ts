import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MEASURE_NAMES, ROLLUP_MEASURES, rollup } from "@/db/schema";

describe("rollup measures, defined once", () => {
  it("names each measure's SQL column as the schema does, with the same type", () => {
    const columns = getTableColumns(rollup);
    for (const m of MEASURE_NAMES) {
      expect(columns[m].name).toBe(ROLLUP_MEASURES[m].column);
      expect(columns[m].columnType).toBe(ROLLUP_MEASURES[m].type === "integer" ? "SQLiteInteger" : "SQLiteReal");
      expect(columns[m].notNull).toBe(true);
    }
  });
});
