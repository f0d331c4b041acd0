"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { humanHallucinationRatesQuery } from "@/lib/queries/review";
import type { TimeRange } from "@/lib/time/ranges";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/**
 * Beside the detector's hallucination rate: what human reviewers confirmed on the events they
 * labelled, and the detector's rate on those same events. Renders nothing until there are labels.
 */
export function HumanReviewRates({ project, model, promptId, range }: { project: string | null; model?: string; promptId?: string; range: TimeRange }) {
  const q = useQuery(humanHallucinationRatesQuery(project, { model, promptId }, range));
  const rows = q.data?.rates ?? [];
  if (rows.length === 0) return null;
  return (
    <Card data-testid="human-review-rates">
      <CardHeader title="Human-confirmed hallucination rate" description="Events labelled in review queues (adjudicated or unanimous), with the detector's rate on the same events" />
      <Table aria-label="Human-confirmed hallucination rate">
        <thead>
          <tr>
            <Th>{promptId ? "Prompt version" : "Model version"}</Th>
            <Th align="right">Reviewed</Th>
            <Th align="right">Confirmed</Th>
            <Th align="right">Human rate</Th>
            <Th align="right">Detector rate</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Tr key={`${r.model}|${r.modelVersion}|${r.promptId}|${r.promptVersion}`}>
              <Td>{promptId ? (r.promptVersion ? `v${r.promptVersion}` : "—") : (r.modelVersion ?? "—")}{promptId && r.model ? <span className="text-muted"> · {r.model}</span> : null}{!promptId && r.promptId ? <span className="text-muted"> · {r.promptId}{r.promptVersion ? ` v${r.promptVersion}` : ""}</span> : null}</Td>
              <Td align="right">{r.reviewed}</Td>
              <Td align="right">{r.confirmed}</Td>
              <Td align="right">{pct(r.rate)}</Td>
              <Td align="right">{pct(r.detectorRate)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
