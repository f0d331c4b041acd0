"use client";

import { useQuery } from "@tanstack/react-query";
import { StickyLink } from "@/components/layout/nav-link";
import { incidentsQuery } from "@/lib/queries/alerts";
import { StateBadge } from "./state-badge";

/** The overview's strip of open incidents (pending ones excluded: they have not fired). Renders nothing when all is well. */
export function OpenIncidents({ project }: { project: string | null }) {
  const { data } = useQuery(incidentsQuery(project, { state: "open" }));
  const open = (data?.incidents ?? []).filter((i) => i.state !== "pending");
  if (open.length === 0) return null;
  return (
    <section aria-label="Open incidents" className="flex flex-col gap-1.5 rounded-lg border border-bad/40 bg-bad/5 p-3">
      <h2 className="text-[13px] font-semibold">
        {open.length} open incident{open.length === 1 ? "" : "s"} · <StickyLink href="/alerts/incidents?state=open" className="font-normal text-accent hover:underline">all incidents</StickyLink>
      </h2>
      <ul className="flex flex-col gap-1 text-xs">
        {open.slice(0, 5).map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-2">
            <StateBadge state={i.state} severity={i.severity} />
            <StickyLink href={`/alerts/incidents/${i.id}`} className="font-medium hover:text-accent hover:underline">{i.ruleName}</StickyLink>
            {i.groupKey ? <span className="font-mono text-muted">{i.groupKey}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
