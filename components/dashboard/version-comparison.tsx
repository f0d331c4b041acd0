"use client";

import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ComparisonRow } from "@/lib/charts/compare";

/** Two version pickers and the side-by-side table; the rows come prepared (lib/charts/compare.ts). */
export function VersionComparison({
  title,
  versions,
  a,
  b,
  onChange,
  rows,
  footer,
  empty,
  notice,
}: {
  title: string;
  versions: { value: string; label: string }[];
  a: string | undefined;
  b: string | undefined;
  onChange: (patch: { a?: string; b?: string }) => void;
  rows: ComparisonRow[];
  footer?: React.ReactNode;
  /** Shown instead of the table when no pair is picked. */
  empty?: string;
  /** Above the table, e.g. the offer of the range where both versions have data (overlap-offer.tsx). */
  notice?: React.ReactNode;
}) {
  // A version is never compared with itself: each picker leaves out the other's choice.
  const picker = (label: string, value: string | undefined, key: "a" | "b", other: string | undefined) => (
    <Select aria-label={label} value={value ?? ""} onChange={(e) => onChange({ [key]: e.target.value || undefined })}>
      <option value="">{label}…</option>
      {versions
        .filter((v) => v.value !== other)
        .map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
    </Select>
  );
  const pair = a && b && a !== b;
  return (
    <Card data-testid="version-comparison">
      <CardHeader
        title={title}
        description="A is the baseline, B the candidate; the delta is B relative to A"
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {picker("Baseline A", a, "a", b)}
            <span className="text-muted">vs</span>
            {picker("Candidate B", b, "b", a)}
          </div>
        }
      />
      {notice}
      {pair ? (
        <Table aria-label={title}>
          <thead>
            <tr>
              <Th>Metric</Th>
              <Th align="right">A · {versions.find((v) => v.value === a)?.label ?? a}</Th>
              <Th align="right">B · {versions.find((v) => v.value === b)?.label ?? b}</Th>
              <Th align="right">Δ</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Tr key={r.key}>
                <Td className="text-muted">{r.label}</Td>
                <Td align="right">{r.a}</Td>
                <Td align="right">{r.b}</Td>
                <Td align="right" className={cn(r.tone === "better" && "text-ok", r.tone === "worse" && "text-bad")}>
                  {r.delta}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="px-3 py-4 text-xs text-muted">{empty ?? "Pick two different versions to compare every metric side by side."}</p>
      )}
      {pair ? footer : null}
    </Card>
  );
}
