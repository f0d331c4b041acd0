"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { ItemView } from "@/components/review/item-view";
import { QueueStatsPanel } from "@/components/review/queue-stats-panel";
import { RubricForm } from "@/components/review/rubric-form";
import { optionLabel } from "@/components/review/rubric-keys";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { queryKeys } from "@/lib/queries/keys";
import { adjudicate, reviewDisagreementsQuery, reviewStatsQuery, setGold, type ItemDetail, type QueueWithProgress } from "@/lib/queries/review";
import type { RubricValue, RubricValues } from "@/lib/review/rubric";

export function AdjudicateClient({ project, queue }: { project: string | null; queue: QueueWithProgress }) {
  const items = useQuery(reviewDisagreementsQuery(project, queue.id));
  const stats = useQuery(reviewStatsQuery(project, queue.id));
  const qs = project ? `?project=${encodeURIComponent(project)}` : "";
  const exportHref = (format: string) => `/api/v1/review-queues/${queue.id}/export?${new URLSearchParams({ ...(project ? { project } : {}), format })}`;
  return (
    <>
      <PageHeader
        title={`Adjudicate · ${queue.name}`}
        crumbs={<><Link href={`/review${qs}`} className="hover:underline">Review</Link> / <Link href={`/review/${queue.id}${qs}`} className="hover:underline">{queue.name}</Link></>}
        timeControls={false}
      >
        <a href={exportHref("csv")} className="text-xs text-accent hover:underline">Export CSV</a>
        <a href={exportHref("jsonl")} className="text-xs text-accent hover:underline">Export JSONL</a>
      </PageHeader>
      <main className="flex flex-col gap-4 p-5">
        {stats.data ? <QueueStatsPanel stats={stats.data} /> : null}
        {items.error ? <ErrorState error={items.error} /> : null}
        <h2 className="text-sm font-semibold">Disagreements awaiting a decision ({items.data?.items.length ?? "…"})</h2>
        {items.data?.items.length === 0 ? <p className="text-xs text-muted" data-testid="no-disagreements">Nothing to adjudicate.</p> : null}
        {items.data?.items.map((it) => <DisagreementCard key={it.id} project={project} queue={queue} item={it} />)}
      </main>
    </>
  );
}

function DisagreementCard({ project, queue, item }: { project: string | null; queue: QueueWithProgress; item: ItemDetail }) {
  const qc = useQueryClient();
  const [values, setValues] = useState<RubricValues>(item.finalLabel ?? {});
  const [focus, setFocus] = useState(0);
  const [comment, setComment] = useState("");
  const [saved, setSaved] = useState(false);
  const [gold, setGoldState] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refs = useRef<(HTMLElement | null)[]>([]);
  const verdicts = item.history.filter((h) => h.kind === "verdict");
  const latest = new Map(verdicts.map((v) => [v.by, v]));
  const setValue = (k: string, v: RubricValue | undefined) => setValues((old) => {
    const copy = { ...old };
    if (v === undefined) delete copy[k];
    else copy[k] = v;
    return copy;
  });
  const save = async () => {
    setError(null);
    try {
      await adjudicate(project, item.id, { values, comment: comment || undefined });
      setSaved(true);
      await qc.invalidateQueries({ queryKey: queryKeys.reviewStats(project, queue.id) });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Card data-testid="disagreement">
      <CardHeader title={`Item ${item.id}`} description={`Reviewers disagree on: ${(item.disagreeingFields ?? []).join(", ")}`} />
      <CardBody className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex flex-col gap-3">
          {item.event ? <ItemView event={item.event} /> : null}
          <Table aria-label="Verdicts">
            <thead>
              <tr>
                <Th>Field</Th>
                {[...latest.keys()].map((who) => <Th key={who}><span className="normal-case">{who}</span></Th>)}
              </tr>
            </thead>
            <tbody>
              {queue.rubric.map((f) => (
                <Tr key={f.key}>
                  <Td className={(item.disagreeingFields ?? []).includes(f.key) ? "font-medium text-warn" : ""}>{f.label ?? f.key}</Td>
                  {[...latest.values()].map((v) => <Td key={v.id}>{v.values[f.key] === undefined ? "—" : optionLabel(v.values[f.key])}</Td>)}
                </Tr>
              ))}
              <Tr>
                <Td>Comment</Td>
                {[...latest.values()].map((v) => <Td key={v.id} className="text-muted">{v.comment ?? "—"}</Td>)}
              </Tr>
            </tbody>
          </Table>
          <details className="text-xs">
            <summary className="cursor-pointer text-muted hover:text-fg">History ({item.history.length})</summary>
            <ol className="mt-2 flex flex-col gap-1" aria-label="Item history">
              {item.history.map((h) => (
                <li key={`${h.kind}-${h.id}`} className="font-mono text-[11px]">
                  {new Date(h.at).toISOString().replace("T", " ").slice(0, 19)} · {h.by} · {h.kind}
                  {h.supersedes ? ` (replaces #${h.supersedes})` : ""} #{h.id}: {Object.entries(h.values).map(([k, v]) => `${k}=${optionLabel(v)}`).join(", ")}
                  {h.comment ? ` — “${h.comment}”` : ""}
                </li>
              ))}
            </ol>
          </details>
        </div>
        <div className="flex flex-col gap-2">
          <h3 className="text-xs font-semibold">Final label</h3>
          <RubricForm rubric={queue.rubric} values={values} focus={focus} onFocus={setFocus} onChange={setValue} fieldRefs={refs} />
          <label className="flex flex-col gap-1 text-xs font-medium">
            Reason
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} className="rounded-md border border-border bg-surface px-2 py-1.5 text-xs" />
          </label>
          {error ? <p role="alert" className="text-xs text-bad">{error}</p> : null}
          <div className="flex items-center gap-2">
            <Button variant="primary" onClick={() => void save()}>{saved ? "Saved — save again" : "Save final label"}</Button>
            {saved ? (
              <Button onClick={() => setGold(project, item.id, !gold).then(() => setGoldState(!gold), (e: Error) => setError(e.message))}>
                {gold ? "Unmark gold" : "Mark as gold"}
              </Button>
            ) : null}
          </div>
          {saved ? <p className="text-xs text-ok" role="status">Final label recorded{gold ? " · gold item" : ""}.</p> : null}
        </div>
      </CardBody>
    </Card>
  );
}
