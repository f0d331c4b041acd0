"use client";

import { StickyLink } from "@/components/layout/nav-link";
import { cn } from "@/components/ui/cn";
import { SortTh, type SortState } from "@/components/ui/sort-th";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatCount, formatMs, formatPercent, formatTimestamp, formatUsd } from "@/lib/charts/format";
import type { EventGroup } from "@/lib/queries/groups";

const PATH = { traces: "/traces", sessions: "/sessions", users: "/users" } as const;
const NOUN = { traces: "Trace", sessions: "Session", users: "User" } as const;

/** One row per trace, session or end user with its totals; the id links to its detail page. */
export function GroupTable({ kind, rows, sort }: { kind: keyof typeof PATH; rows: (EventGroup & { rootName?: string | null })[]; sort: SortState }) {
  return (
    <Table aria-label={`${NOUN[kind]}s`}>
      <thead>
        <tr>
          <Th>{NOUN[kind]}</Th>
          {kind === "traces" ? <Th>Root</Th> : null}
          {kind === "traces" ? null : <Th>First seen</Th>}
          <SortTh k="lastSeen" label="Last seen" s={sort} align="left" />
          <SortTh k="events" label={kind === "traces" ? "Spans" : "Events"} s={sort} />
          <Th align="right">LLM calls</Th>
          <SortTh k="errors" label="Errors" s={sort} />
          <SortTh k="tokens" label="Tokens" s={sort} />
          <SortTh k="costUsd" label="Cost" s={sort} />
          <Th align="right">Halluc.</Th>
          <SortTh k="durationMs" label={kind === "traces" ? "Duration" : "Span of time"} s={sort} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Tr key={r.id} data-testid={`${kind}-row`}>
            <Td className="max-w-56 truncate font-mono">
              <StickyLink href={`${PATH[kind]}/${encodeURIComponent(r.id)}`} className="text-accent hover:underline">
                {r.id}
              </StickyLink>
            </Td>
            {kind === "traces" ? <Td className="max-w-56 truncate">{r.rootName ?? <span className="text-muted">(root not received)</span>}</Td> : null}
            {kind === "traces" ? null : <Td className="font-mono text-muted">{formatTimestamp(r.firstSeen)}</Td>}
            <Td className="font-mono text-muted">{formatTimestamp(r.lastSeen)}</Td>
            <Td align="right">{formatCount(r.events)}</Td>
            <Td align="right">{formatCount(r.llmCalls)}</Td>
            <Td align="right" className={cn(r.errors > 0 && "text-bad")}>
              {formatCount(r.errors)}
            </Td>
            <Td align="right">{formatCount(r.inputTokens + r.outputTokens)}</Td>
            <Td align="right">{formatUsd(r.costUsd)}</Td>
            <Td align="right">{formatPercent(r.hallucinationRate)}</Td>
            <Td align="right">{formatMs(r.durationMs)}</Td>
          </Tr>
        ))}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={11} className="px-3 py-8 text-center text-xs text-muted">
              No {NOUN[kind].toLowerCase()}s in this time range.
            </td>
          </tr>
        ) : null}
      </tbody>
    </Table>
  );
}
