"use client";

import { Badge } from "@/components/ui/badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { formatCount } from "@/lib/charts/format";
import { formatDriftScore, formatThreshold, methodLabel } from "@/lib/drift/prepare-drift-view";
import type { DriftReport } from "@/lib/queries/models";

type Feature = DriftReport["features"][number];

/** Per-feature drift, most severe first (the API's order); a row click selects its histogram. */
export function DriftFeaturesTable({ features, selected, onSelect }: { features: Feature[]; selected: string | null; onSelect: (name: string) => void }) {
  return (
    <Table aria-label="Feature drift">
      <thead>
        <tr>
          <Th>Feature</Th>
          <Th>Type</Th>
          <Th>Method</Th>
          <Th align="right">Score</Th>
          <Th align="right">Threshold</Th>
          <Th>Drift</Th>
          <Th align="right">Reference</Th>
          <Th align="right">Current</Th>
        </tr>
      </thead>
      <tbody>
        {features.map((f) => (
          <Tr
            key={f.name}
            data-feature={f.name}
            aria-selected={f.name === selected}
            tabIndex={0}
            onClick={() => onSelect(f.name)}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect(f.name)}
            className={cn("cursor-pointer", f.name === selected && "bg-surface-2")}
          >
            <Td className="font-medium">{f.name}</Td>
            <Td className="text-muted">{f.kind}</Td>
            <Td className="text-muted">{methodLabel(f.method)}</Td>
            <Td align="right">{formatDriftScore(f)}</Td>
            <Td align="right" className="text-muted">{formatThreshold(f)}</Td>
            <Td>{f.drifted ? <Badge tone="bad">Drifted</Badge> : <Badge tone="ok">Stable</Badge>}</Td>
            <Td align="right">{formatCount(f.referenceCount)}</Td>
            <Td align="right">{formatCount(f.currentCount)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
