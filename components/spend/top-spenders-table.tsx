import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatCount, formatPercent, formatUsd } from "@/lib/charts/format";
import type { SpendBreakdown } from "@/lib/queries/spend";

const NONE: Record<SpendBreakdown["by"], string> = { user: "(no user)", session: "(no session)", environment: "(none)", tag: "(untagged)" };

/** The top spenders of a range, with their share of its cost as a bar. */
export function TopSpendersTable({ data }: { data: SpendBreakdown }) {
  return (
    <Table aria-label="Top spenders">
      <thead>
        <tr>
          <Th>{data.by === "user" ? "End user" : data.by === "session" ? "Session" : data.by === "environment" ? "Environment" : "Tag"}</Th>
          <Th align="right">Cost</Th>
          <Th className="w-48">Share</Th>
          <Th align="right">Calls</Th>
          <Th align="right">Cost / call</Th>
          <Th align="right">Cache hits</Th>
          <Th align="right">Unpriced</Th>
        </tr>
      </thead>
      <tbody>
        {data.groups.map((g) => (
          <Tr key={g.key ?? "\u0000none"}>
            <Td className="max-w-[18rem] truncate font-mono" title={g.key ?? undefined}>
              {g.key ?? <span className="text-muted">{NONE[data.by]}</span>}
            </Td>
            <Td align="right" className="font-medium">{formatUsd(g.costUsd)}</Td>
            <Td>
              <div className="flex items-center gap-2">
                <div className="h-1.5 flex-1 overflow-hidden rounded bg-surface-2">
                  <div className="h-full bg-accent" style={{ width: `${(g.share ?? 0) * 100}%` }} />
                </div>
                <span className="w-12 text-right text-muted">{formatPercent(g.share, 1)}</span>
              </div>
            </Td>
            <Td align="right">{formatCount(g.calls)}</Td>
            <Td align="right">{formatUsd(g.calls ? g.costUsd / g.calls : null)}</Td>
            <Td align="right">{formatPercent(g.cacheHitRate, 1)}</Td>
            <Td align="right" className={g.unpricedCount ? "text-warn" : "text-muted"}>{formatCount(g.unpricedCount)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
