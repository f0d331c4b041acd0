"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount } from "@/lib/charts/format";
import { lineageQuery, type LineageView } from "@/lib/queries/models";

/** Where each version came from (PUT /api/v1/models/{model}/versions/{version}). */
export function LineageCard({ project, model, version }: { project: string | null; model: string; version?: string }) {
  const q = useQuery(lineageQuery(project, model));
  const versions = (q.data?.versions ?? []).filter((v) => !version || v.version === version);
  return (
    <Card>
      <CardHeader title="Lineage" description="Training data, code and run per version" />
      <CardBody>
        {q.error ? <ErrorState error={q.error} /> : q.isPending ? <Skeleton className="h-16" /> : versions.length === 0 ? (
          <p className="text-xs text-muted">No lineage recorded. Send it with PUT /api/v1/models/{model}/versions/&lt;version&gt;.</p>
        ) : (
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            {versions.map((v) => (
              <LineageEntry key={v.version} v={v} />
            ))}
          </div>
        )}
      </CardBody>
    </Card>
  );
}

function LineageEntry({ v }: { v: LineageView }) {
  const rows: [string, React.ReactNode][] = [
    ["Training data", v.dataset ? `${v.dataset.name}${v.dataset.version ? ` @ ${v.dataset.version}` : ""}${v.dataset.rows !== null ? ` · ${formatCount(v.dataset.rows)} rows` : ""}` : "—"],
    ["Commit", v.code.gitCommit ? <code key="c">{v.code.gitCommit.slice(0, 12)}</code> : "—"],
    ["Repository", v.code.repositoryUrl ? <Ext href={v.code.repositoryUrl} /> : "—"],
    ["Training run", v.trainingRunUrl ? <Ext href={v.trainingRunUrl} /> : "—"],
    ["Parent version", v.parentVersion ?? "—"],
    ["Tags", Object.entries(v.tags).map(([k, val]) => `${k}=${val}`).join(", ") || "—"],
  ];
  return (
    <section aria-label={`Lineage of version ${v.version}`} className="rounded-md border border-border p-2">
      <h3 className="mb-1 text-xs font-semibold">Version {v.version}</h3>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-0.5 text-xs">
        {rows.map(([k, val]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="min-w-0 truncate">{val}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Ext({ href }: { href: string }) {
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" className="text-accent hover:underline">
      {href.replace(/^https?:\/\//, "")}
    </a>
  );
}
