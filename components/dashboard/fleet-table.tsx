"use client";

import { StickyLink } from "@/components/layout/nav-link";
import { Badge, StatusDot } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { SortTh, type SortState } from "@/components/ui/sort-th";
import { Table, Td, Th, Tr } from "@/components/ui/table";

export type { SortState };
import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/charts/format";
import { completeBuckets } from "@/lib/charts/sparkline";
import type { ConfirmedRate } from "@/lib/overview/confirmed-rates";
import type { FleetOverview, FleetRow } from "@/lib/queries/overview";
import { Sparkline } from "./sparkline";
import { levelClass, rateLevel } from "@/lib/health/health";

const HEALTH_TONE = { ok: "ok", warn: "warn", bad: "bad", idle: "neutral" } as const;
const HEALTH_LABEL = { ok: "Healthy", warn: "Degraded", bad: "Failing", idle: "No traffic" } as const;

/**
 * One health row per model or prompt. Purely presentational: rows arrive filtered and sorted.
 * `confirmed` (human-confirmed hallucination rates by row key) adds a column beside the detector's rate.
 */
export function FleetTable({
  rows, entity, sort, window, confirmed,
}: { rows: FleetRow[]; entity: "model" | "prompt"; sort: SortState; window: FleetOverview["window"]; confirmed?: ReadonlyMap<string, ConfirmedRate> }) {
  const hrefOf = (r: FleetRow) => `/${entity === "model" ? "models" : "prompts"}/${encodeURIComponent(r.key)}`;
  return (
    <Table aria-label={entity === "model" ? "Models" : "Prompts"}>
      <thead>
        <tr>
          <SortTh k="name" label={entity === "model" ? "Model" : "Prompt"} s={sort} align="left" />
          <Th>Traffic</Th>
          <SortTh k="count" label="Requests" s={sort} />
          <SortTh k="errorRate" label="Errors" s={sort} />
          <SortTh k="p50" label="p50" s={sort} />
          <SortTh k="p95" label="p95" s={sort} />
          <SortTh k="p99" label="p99" s={sort} />
          <SortTh k="tokens" label="Tokens" s={sort} />
          <SortTh k="costUsd" label="Cost" s={sort} />
          <SortTh k="hallucinationRate" label="Halluc." s={sort} />
          {confirmed ? <Th align="right" title="Human-confirmed hallucination rate (review queues), with the number of reviewed events">Confirmed</Th> : null}
          {entity === "model" ? <Th align="right">Drift / Acc.</Th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Tr key={r.key} data-testid={`${entity}-row`}>
            <Td className="max-w-64">
              <div className="flex items-center gap-2">
                <StatusDot tone={HEALTH_TONE[r.health]} label={HEALTH_LABEL[r.health]} />
                <StickyLink href={hrefOf(r)} className="truncate font-medium text-fg hover:text-accent hover:underline">
                  {r.name}
                </StickyLink>
                {r.kind !== "prompt" ? <Badge tone={r.kind === "llm" ? "accent" : "neutral"}>{r.kind.toUpperCase()}</Badge> : null}
              </div>
            </Td>
            <Td>
              <Sparkline values={completeBuckets(r.sparkline, window)} tone={r.health === "bad" ? "bad" : r.health === "warn" ? "warn" : "accent"} />
            </Td>
            <Td align="right">{formatCount(r.count)}</Td>
            <Td align="right" className={cn(r.health !== "idle" && levelClass(rateLevel("errorRate", r.errorRate)))}>
              {formatPercent(r.errorRate)}
            </Td>
            <Td align="right">{formatMs(r.latencyMs.p50)}</Td>
            <Td align="right">{formatMs(r.latencyMs.p95)}</Td>
            <Td align="right">{formatMs(r.latencyMs.p99)}</Td>
            <Td align="right">{r.kind === "ml" ? "—" : formatCount(r.inputTokens + r.outputTokens)}</Td>
            <Td align="right">
              {r.kind === "ml" ? "—" : formatUsd(r.costUsd)}
              {r.unpricedCount > 0 ? (
                <span className="ml-1 text-warn" title={`${r.unpricedCount} calls had no price`}>
                  *
                </span>
              ) : null}
            </Td>
            <Td align="right" className={cn(levelClass(rateLevel("hallucinationRate", r.hallucinationRate)))}>
              {r.kind === "ml" ? "—" : formatPercent(r.hallucinationRate)}
            </Td>
            {confirmed ? <ConfirmedCell c={r.kind === "ml" ? undefined : confirmed.get(r.key)} /> : null}
            {entity === "model" ? (
              <Td align="right">
                {r.kind === "ml" ? (
                  <span className="inline-flex items-center gap-1.5">
                    {r.driftStatus ? (
                      <Badge tone={HEALTH_TONE[r.driftStatus]}>{r.driftShare !== null ? `Drift ${formatPercent(r.driftShare, 0)}` : `PSI ${r.maxPsi?.toFixed(2)}`}</Badge>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                    <span>{r.accuracy !== null ? formatPercent(r.accuracy) : ""}</span>
                  </span>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </Td>
            ) : null}
          </Tr>
        ))}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={12} className="px-3 py-6 text-center text-xs text-muted">
              Nothing matches these filters.
            </td>
          </tr>
        ) : null}
      </tbody>
    </Table>
  );
}

function ConfirmedCell({ c }: { c: ConfirmedRate | undefined }) {
  if (!c) return <Td align="right" className="text-muted">—</Td>;
  return (
    <Td align="right" data-testid="confirmed-rate" className={cn(levelClass(rateLevel("hallucinationRate", c.rate)))}>
      {formatPercent(c.rate)}
      <span className="ml-1 text-[11px] text-muted">n={formatCount(c.reviewed)}</span>
    </Td>
  );
}
