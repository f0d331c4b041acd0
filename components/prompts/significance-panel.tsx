import { Badge } from "@/components/ui/badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatCount } from "@/lib/charts/format";
import type { PromptStats } from "@/lib/queries/prompts";

const METRIC_LABEL = { latency: "Latency", errorRate: "Error rate", hallucinationRate: "Hallucination rate" } as const;
const TEST_LABEL = { "mann-whitney-u": "Mann–Whitney U", "two-proportion-z": "Two-proportion z" } as const;

/** One verdict per metric, with the test, sample sizes and p-value. */
export function SignificancePanel({ comparison }: { comparison: NonNullable<PromptStats["comparison"]> }) {
  return (
    <Table aria-label="Significance tests">
      <thead>
        <tr>
          <Th>Metric</Th>
          <Th>Verdict</Th>
          <Th>Test</Th>
          <Th align="right">n (A / B)</Th>
          <Th align="right">p-value</Th>
        </tr>
      </thead>
      <tbody>
        {comparison.tests.map((t) => (
          <Tr key={t.metric} data-testid={`verdict-${t.metric}`}>
            <Td className="font-medium">{METRIC_LABEL[t.metric]}</Td>
            <Td className="whitespace-normal">
              <Badge tone={!t.significant ? "neutral" : t.direction === "higher" ? "bad" : "ok"}>{t.significant ? "significant" : "n.s."}</Badge>{" "}
              <span>{t.verdict}</span>
            </Td>
            <Td className="text-muted">{TEST_LABEL[t.test]}</Td>
            <Td align="right">
              {formatCount(t.nA)} / {formatCount(t.nB)}
            </Td>
            <Td align="right">{t.pValue === null ? "—" : t.pValue < 0.001 ? "< 0.001" : t.pValue.toFixed(3)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
