"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/dashboard/page-header";
import { AuditTable } from "@/components/audit/audit-table";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Label } from "@/components/ui/input";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { toSearch } from "@/lib/queries/api-client";
import { auditPagesQuery } from "@/lib/queries/settings";
import { auditSearchParams } from "./search-params";

export function AuditClient() {
  const [state, setState] = useUrlState(auditSearchParams);
  const project = state.project ?? null;
  const filters = { action: state.action, actor: state.actor, target: state.target };
  const pages = useInfiniteQuery(auditPagesQuery(project, filters));
  const entries = pages.data?.pages.flatMap((p) => p.entries) ?? [];
  const exportHref = `/api/v1/audit-log/export${toSearch({ project, ...filters })}`;

  function onFilter(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setState({ action: String(f.get("action") ?? ""), actor: String(f.get("actor") ?? ""), target: String(f.get("target") ?? "") });
  }

  return (
    <>
      <PageHeader title="Audit log" subtitle="Who changed what, when and from where — append-only" timeControls={false}>
        <a className={buttonClass()} href={exportHref} download>
          Export CSV
        </a>
      </PageHeader>
      <main className="flex flex-col gap-4 p-5">
        <form onSubmit={onFilter} className="flex flex-wrap items-end gap-2" aria-label="Audit filters">
          <Label>
            Action (e.g. member. or api_key.revoke)
            <Input name="action" defaultValue={state.action ?? ""} className="w-full sm:w-56" />
          </Label>
          <Label>
            Actor
            <Input name="actor" defaultValue={state.actor ?? ""} className="w-full sm:w-56" />
          </Label>
          <Label>
            Target
            <Input name="target" defaultValue={state.target ?? ""} className="w-full sm:w-44" />
          </Label>
          <Button type="submit" variant="primary">
            Filter
          </Button>
        </form>
        {pages.error ? <ErrorState error={pages.error} /> : null}
        <Card>
          <AuditTable entries={entries} />
          {pages.hasNextPage ? (
            <div className="p-3">
              <Button onClick={() => pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                Older entries
              </Button>
            </div>
          ) : null}
        </Card>
      </main>
    </>
  );
}
