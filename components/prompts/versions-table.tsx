"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/charts/format";
import type { PromptStats, PromptView } from "@/lib/queries/prompts";
import { levelClass, rateLevel } from "@/lib/health/health";

const LABEL_TONE: Record<string, "ok" | "warn" | "accent" | "neutral"> = { production: "ok", staging: "warn", latest: "accent" };

export function VersionsTable({
  versions,
  stats,
  onPromote,
  pending,
}: {
  versions: PromptView["versions"];
  stats: PromptStats["versions"];
  onPromote: (version: number) => void;
  pending: boolean;
}) {
  // Promotion changes what production traffic runs: it takes a second, deliberate click.
  const [confirming, setConfirming] = useState<number | null>(null);
  return (
    <Table aria-label="Prompt versions">
      <thead>
        <tr>
          <Th>Version</Th>
          <Th>Labels</Th>
          <Th align="right">Calls</Th>
          <Th align="right">p50</Th>
          <Th align="right">p95</Th>
          <Th align="right">p99</Th>
          <Th align="right">Tokens / call</Th>
          <Th align="right">Cost / call</Th>
          <Th align="right">Errors</Th>
          <Th align="right">Halluc.</Th>
          <Th align="right">
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => {
          const s = stats.find((x) => x.version === v.version);
          const isProd = v.labels.includes("production");
          return (
            <Tr key={v.version} data-testid="prompt-version-row">
              <Td className="font-medium">v{v.version}</Td>
              <Td>
                <div className="flex gap-1">
                  {v.labels.map((l) => (
                    <Badge key={l} tone={LABEL_TONE[l] ?? "neutral"}>
                      {l}
                    </Badge>
                  ))}
                </div>
              </Td>
              <Td align="right">{formatCount(s?.count ?? 0)}</Td>
              <Td align="right">{formatMs(s?.latencyMs.p50)}</Td>
              <Td align="right">{formatMs(s?.latencyMs.p95)}</Td>
              <Td align="right">{formatMs(s?.latencyMs.p99)}</Td>
              <Td align="right">{s && s.count ? formatCount((s.inputTokens + s.outputTokens) / s.count) : "—"}</Td>
              <Td align="right">{formatUsd(s?.costPerCall)}</Td>
              <Td align="right">{formatPercent(s?.cacheHitRate ?? null, 1)}</Td>
              <Td align="right" className={cn(levelClass(rateLevel("errorRate", s?.errorRate ?? null)))}>
                {formatPercent(s?.errorRate, 2)}
              </Td>
              <Td align="right" className={cn(levelClass(rateLevel("hallucinationRate", s?.hallucinationRate ?? null)))}>
                {formatPercent(s?.hallucinationRate, 2)}
              </Td>
              <Td align="right">
                {isProd ? null : confirming === v.version ? (
                  <span className="inline-flex items-center gap-1" role="group" aria-label={`Confirm promoting v${v.version}`}>
                    <span className="text-muted">Promote v{v.version}?</span>
                    <Button
                      variant="primary"
                      disabled={pending}
                      onClick={() => {
                        setConfirming(null);
                        onPromote(v.version);
                      }}
                    >
                      Promote
                    </Button>
                    <Button variant="ghost" onClick={() => setConfirming(null)}>
                      Cancel
                    </Button>
                  </span>
                ) : (
                  <Button variant="ghost" disabled={pending} onClick={() => setConfirming(v.version)}>
                    Promote to production
                  </Button>
                )}
              </Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
