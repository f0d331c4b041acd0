"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { formatTimestamp } from "@/lib/charts/format";
import { versionOverlapQuery } from "@/lib/queries/metrics";

const day = (t: number) => formatTimestamp(t).slice(0, 16);

/**
 * Shown when the compared versions do not both have data in the selected range: offers the
 * range where both do (GET /api/v1/version-overlap), or says they never ran at the same time.
 */
export function OverlapOffer({ project, owner, a, b, labelOf, onApply }: {
  project: string | null;
  owner: { model: string } | { promptId: string };
  a: string;
  b: string;
  labelOf: (v: string) => string;
  onApply: (range: { from: number; to: number }) => void;
}) {
  const q = useQuery(versionOverlapQuery(project, { ...owner, a, b }, true));
  if (!q.data) return null;
  const { overlap } = q.data;
  const seen = (v: string, s: { firstSeen: number; lastSeen: number } | null) =>
    s ? `${labelOf(v)} ran ${day(s.firstSeen)} – ${day(s.lastSeen)} UTC` : `${labelOf(v)} has no data yet`;
  return (
    <div data-testid="overlap-offer" className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-3 py-2 text-xs">
      <span className="text-muted">
        {labelOf(a)} and {labelOf(b)} do not both have data in this range. {seen(a, q.data.a)}; {seen(b, q.data.b)}.
        {overlap ? null : " They never ran at the same time."}
      </span>
      {overlap ? (
        <Button onClick={() => onApply(overlap)} title={`${day(overlap.from)} – ${day(overlap.to)} UTC`}>
          Show the range where both have data
        </Button>
      ) : null}
    </div>
  );
}
