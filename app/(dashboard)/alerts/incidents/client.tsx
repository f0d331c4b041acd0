"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertsNav } from "@/components/alerts/alerts-nav";
import { IncidentsTable } from "@/components/alerts/incidents-table";
import { StickyLink } from "@/components/layout/nav-link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { incidentsQuery } from "@/lib/queries/alerts";

export function IncidentsClient({ project, openOnly }: { project: string | null; openOnly: boolean }) {
  const incidents = useQuery(incidentsQuery(project, openOnly ? { state: "open" } : {}));
  return (
    <>
      <PageHeader title="Incidents" subtitle="Every episode of a rule away from ok, newest first" timeControls={false}>
        <AlertsNav />
      </PageHeader>
      <main className="flex flex-col gap-4 p-5">
        {incidents.error ? <ErrorState error={incidents.error} /> : null}
        <Card>
          <CardHeader
            title={openOnly ? "Open incidents" : "All incidents"}
            actions={<StickyLink className="text-xs text-accent hover:underline" href={openOnly ? "/alerts/incidents" : "/alerts/incidents?state=open"}>{openOnly ? "Show all" : "Open only"}</StickyLink>}
          />
          <IncidentsTable incidents={incidents.data?.incidents ?? []} project={project} now={incidents.dataUpdatedAt} />
        </Card>
      </main>
    </>
  );
}
