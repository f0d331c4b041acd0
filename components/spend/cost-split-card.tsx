import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatPercent, formatUsd } from "@/lib/charts/format";
import type { CostSplit } from "@/lib/spend/cost-split";

/** Cost by kind of token as one stacked bar and its legend (prepared by lib/spend/cost-split.ts). */
export function CostSplitCard({ split, title = "Cost by token kind" }: { split: CostSplit; title?: string }) {
  return (
    <Card>
      <CardHeader title={title} description="At the price book's rates; cache reads and reasoning priced at their own rates" />
      <CardBody className="flex flex-col gap-3">
        {split.segments.length === 0 ? (
          <p className="text-xs text-muted">No priced calls in this range.</p>
        ) : (
          <>
            <div className="flex h-3 w-full overflow-hidden rounded" role="img" aria-label={split.segments.map((s) => `${s.label} ${formatPercent(s.share)}`).join(", ")}>
              {split.segments.map((s) => (
                <div key={s.kind} style={{ width: `${s.share * 100}%`, background: s.color }} />
              ))}
            </div>
            <table className="w-full text-xs">
              <tbody>
                {split.segments.map((s) => (
                  <tr key={s.kind} className="border-b border-border last:border-0">
                    <td className="py-1">
                      <span className="mr-2 inline-block size-2 rounded-sm align-middle" style={{ background: s.color }} aria-hidden />
                      {s.label}
                    </td>
                    <td className="py-1 text-right tabular">{formatUsd(s.usd)}</td>
                    <td className="w-16 py-1 text-right tabular text-muted">{formatPercent(s.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {split.differs ? (
          <p className="text-xs text-warn" data-testid="reported-cost-differs">
            Billed cost {formatUsd(split.billedUsd)} (client-reported where reported) is{" "}
            {formatPercent(Math.abs(split.billedUsd - split.bookUsd) / split.bookUsd)} {split.billedUsd > split.bookUsd ? "above" : "below"} the price
            book&apos;s {formatUsd(split.bookUsd)}; the billed figures are the ones counted.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
