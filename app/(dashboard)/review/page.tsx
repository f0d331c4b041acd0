import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { ProgressBar } from "@/components/review/progress-bar";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { listReviewQueues } from "@/lib/review/list-queues";
import { can } from "@/lib/services/context";

export const metadata: Metadata = { title: "Review" };

/** Review queues with total and own progress; "assigned to me" narrows to the caller's queues. */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ project?: string; mine?: string }> }) {
  const { project, mine } = await searchParams;
  const user = await requirePageUser(project);
  const all = await listReviewQueues(user.ctx);
  const onlyMine = mine === "1";
  const queues = onlyMine ? all.filter((q) => q.progress.assignedToMe) : all;
  const manage = can(user.ctx.actor, "review:manage");
  const qp = (extra: Record<string, string | undefined>) => {
    const sp = new URLSearchParams(Object.entries({ project, ...extra }).filter((e): e is [string, string] => !!e[1]));
    const s = sp.toString();
    return s ? `?${s}` : "";
  };
  return (
    <>
      <PageHeader title="Review" subtitle="Human review queues: verdicts, agreement and adjudication" timeControls={false}>
        <div role="radiogroup" aria-label="Which queues" className="inline-flex h-7 items-center rounded-md border border-border bg-surface p-0.5 text-xs">
          <Link role="radio" aria-checked={!onlyMine} href={`/review${qp({})}`} className={`rounded px-2 py-1 ${!onlyMine ? "bg-surface-2 text-fg" : "text-muted"}`}>All queues</Link>
          <Link role="radio" aria-checked={onlyMine} href={`/review${qp({ mine: "1" })}`} className={`rounded px-2 py-1 ${onlyMine ? "bg-surface-2 text-fg" : "text-muted"}`}>Assigned to me</Link>
        </div>
        {manage ? <Link href={`/review/new${qp({})}`} className={buttonClass("primary")}>New queue</Link> : null}
      </PageHeader>
      <main className="p-5">
        {queues.length === 0 ? (
          <div className="mx-auto max-w-xl rounded-lg border border-dashed border-border bg-surface p-5 text-xs">
            <h2 className="text-sm font-semibold">{onlyMine ? "No queues assigned to you" : "No review queues yet"}</h2>
            <p className="mt-1 text-muted">
              {manage ? "Create one with New queue (or POST /api/v1/review-queues, docs/review.md), then add events from the Events page." : "An engineer creates queues; they appear here."}
            </p>
          </div>
        ) : (
          <Card>
            <Table aria-label="Review queues">
              <thead>
                <tr>
                  <Th>Queue</Th>
                  <Th>Progress</Th>
                  <Th align="right">Reviewed by you</Th>
                  <Th align="right">Per item</Th>
                  <Th>{""}</Th>
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => (
                  <Tr key={q.id} data-testid="queue-row">
                    <Td>
                      <Link href={`/review/${q.id}${qp({})}`} className="font-medium hover:text-accent hover:underline">{q.name}</Link>
                      {q.progress.assignedToMe ? <Badge tone="accent" className="ml-2">assigned to me</Badge> : null}
                      {q.description ? <div className="text-[11px] text-muted">{q.description}</div> : null}
                    </Td>
                    <Td><ProgressBar done={q.progress.completed} total={q.progress.total} label={`${q.name}: items completed`} /></Td>
                    <Td align="right" className="tabular-nums">{q.progress.mine}</Td>
                    <Td align="right">{q.reviewersPerItem}</Td>
                    <Td align="right">
                      <span className="inline-flex gap-3 text-xs">
                        {manage ? <Link href={`/review/${q.id}/edit${qp({})}`} className="text-accent hover:underline" aria-label={`Edit ${q.name}`}>Edit</Link> : null}
                        {manage ? <Link href={`/review/${q.id}/adjudicate${qp({})}`} className="text-accent hover:underline">Adjudicate &amp; stats</Link> : null}
                        {manage ? <a href={`/api/v1/review-queues/${q.id}/export${qp({ format: "csv" })}`} className="text-accent hover:underline">CSV</a> : null}
                        {manage ? <a href={`/api/v1/review-queues/${q.id}/export${qp({ format: "jsonl" })}`} className="text-accent hover:underline">JSONL</a> : null}
                      </span>
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Card>
        )}
      </main>
    </>
  );
}
