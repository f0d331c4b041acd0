import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { QueueStats } from "@/lib/review/schemas";

const fmt = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? "—" : v.toFixed(digits));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(0)}%`);

/** A queue's numbers for engineers: progress, agreement per field, detector calibration, reviewers. */
export function QueueStatsPanel({ stats }: { stats: QueueStats }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3" data-testid="queue-stats">
      <Card>
        <CardHeader title="Progress" description={`${stats.total} items`} />
        <CardBody className="grid grid-cols-2 gap-2 text-xs">
          <span className="text-muted">Completed</span><span className="tabular-nums">{stats.completed}</span>
          <span className="text-muted">In progress</span><span className="tabular-nums">{stats.inProgress}</span>
          <span className="text-muted">Pending</span><span className="tabular-nums">{stats.pending}</span>
          <span className="text-muted">Awaiting adjudication</span><span className="tabular-nums">{stats.awaitingAdjudication}</span>
          <span className="text-muted">Detector precision</span><span className="tabular-nums">{pct(stats.detector.precision)}</span>
          <span className="text-muted">Detector recall</span><span className="tabular-nums">{pct(stats.detector.recall)} <span className="text-muted">(n = {stats.detector.n})</span></span>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Agreement" description="Krippendorff's α; Cohen's κ with two reviewers per item" />
        <Table aria-label="Agreement per field">
          <thead><tr><Th>Field</Th><Th align="right"><span className="normal-case">α</span></Th><Th align="right"><span className="normal-case">κ</span></Th><Th align="right"><span className="normal-case">n</span></Th></tr></thead>
          <tbody>
            {Object.entries(stats.agreement).map(([k, a]) => (
              <Tr key={k}><Td>{k}</Td><Td align="right">{fmt(a.alpha)}</Td><Td align="right">{fmt(a.kappa)}</Td><Td align="right">{a.n}</Td></Tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card>
        <CardHeader title="Reviewers" description="Gold accuracy on unannounced gold items" />
        <Table aria-label="Reviewers">
          <thead><tr><Th>Reviewer</Th><Th align="right">Verdicts</Th><Th align="right">Gold</Th></tr></thead>
          <tbody>
            {stats.byReviewer.map((r) => (
              <Tr key={r.email}><Td>{r.email}</Td><Td align="right">{r.completed}</Td><Td align="right">{r.goldAccuracy === undefined ? "—" : `${pct(r.goldAccuracy)} of ${r.goldN}`}</Td></Tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
