import { Table, Td, Th } from "@/components/ui/table";
import { formatCount } from "@/lib/charts/format";

/** Rows are the true class, columns the predicted one; the diagonal is right. Shade ∝ share of the row. */
export function ConfusionMatrix({ classes, matrix }: { classes: string[]; matrix: number[][] }) {
  return (
    <Table aria-label="Confusion matrix">
      <thead>
        <tr>
          <Th>Actual ↓ / predicted →</Th>
          {classes.map((c) => (
            <Th key={c} align="right">{c}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.map((row, i) => {
          const total = row.reduce((a, b) => a + b, 0) || 1;
          return (
            <tr key={classes[i]}>
              <Td className="font-medium">{classes[i]}</Td>
              {row.map((v, j) => (
                <Td
                  key={j}
                  align="right"
                  style={{ background: `color-mix(in oklab, ${i === j ? "var(--ok)" : "var(--bad)"} ${Math.round((v / total) * 35)}%, transparent)` }}
                >
                  {formatCount(v)}
                </Td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
