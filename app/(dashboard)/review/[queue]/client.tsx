"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { ItemView } from "@/components/review/item-view";
import { ProgressBar } from "@/components/review/progress-bar";
import { RubricForm } from "@/components/review/rubric-form";
import { keyAction } from "@/components/review/rubric-keys";
import { ShortcutsBar, ShortcutsDialog } from "@/components/review/shortcuts-help";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { fieldClass } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { queryKeys } from "@/lib/queries/keys";
import { claimItem, extendLease, reviewQueueQuery, skipItem, submitVerdict, type ClaimedItem, type QueueWithProgress } from "@/lib/queries/review";
import type { RubricValue, RubricValues } from "@/lib/review/rubric";

/** Extend the lease this often while the reviewer has touched the page since the last extension. */
const HEARTBEAT_MS = 60_000;

export function ReviewClient({ project, initialQueue, canReview, canManage }: {
  project: string | null;
  initialQueue: QueueWithProgress;
  canReview: boolean;
  canManage: boolean;
}) {
  const qc = useQueryClient();
  const queueQ = useQuery({ ...reviewQueueQuery(project, initialQueue.id), initialData: { queue: initialQueue } });
  const queue = queueQ.data.queue;
  const [item, setItem] = useState<ClaimedItem | null | undefined>(undefined);
  const [values, setValues] = useState<RubricValues>({});
  const [comment, setComment] = useState("");
  const [corrected, setCorrected] = useState("");
  const [focus, setFocus] = useState(0);
  const [help, setHelp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldRefs = useRef<(HTMLElement | null)[]>([]);
  const active = useRef(false);
  const qs = project ? `?project=${encodeURIComponent(project)}` : "";

  const next = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const claimed = await claimItem(project, queue.id);
      setItem(claimed);
      setValues({});
      setComment("");
      setCorrected("");
      setFocus(0);
    } catch (err) {
      setError((err as Error).message);
      setItem(null);
    } finally {
      setBusy(false);
    }
  }, [project, queue.id]);

  // The first claim, once mounted (a remount resumes the same lease rather than taking another).
  useEffect(() => {
    if (!canReview) return;
    const t = setTimeout(() => void next(), 0);
    return () => clearTimeout(t);
  }, [canReview, next]);

  // Keep the lease while the reviewer is working; an idle tab lets it lapse and the item returns.
  useEffect(() => {
    if (!item) return;
    const mark = () => (active.current = true);
    window.addEventListener("keydown", mark);
    window.addEventListener("pointerdown", mark);
    const timer = setInterval(() => {
      if (!active.current) return;
      active.current = false;
      extendLease(project, item.id).catch(() => setError("Your lease on this item has lapsed; take the next item."));
    }, HEARTBEAT_MS);
    return () => {
      clearInterval(timer);
      window.removeEventListener("keydown", mark);
      window.removeEventListener("pointerdown", mark);
    };
  }, [item, project]);

  const submit = useCallback(async () => {
    if (!item || busy) return;
    setBusy(true);
    setError(null);
    try {
      await submitVerdict(project, item.id, {
        values, comment: comment || undefined, correctedOutput: queue.correctedOutput && corrected ? corrected : undefined,
      });
      // Off the screen at once: no key may act on an item that is already judged.
      setItem(undefined);
      await qc.invalidateQueries({ queryKey: queryKeys.reviewQueues(project) });
      setBusy(false);
      await next();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  }, [item, busy, project, values, comment, corrected, queue.correctedOutput, qc, next]);

  const skip = useCallback(async () => {
    if (!item || busy) return;
    setItem(undefined);
    await skipItem(project, item.id).catch(() => undefined);
    await next();
  }, [item, busy, project, next]);

  const moveTo = useCallback((i: number) => {
    const n = queue.rubric.length;
    const to = Math.max(0, Math.min(n - 1, i));
    setFocus(to);
    fieldRefs.current[to]?.focus();
  }, [queue.rubric.length]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = document.activeElement as HTMLElement | null;
      const typing = !!el && (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && (el as HTMLInputElement).type !== "checkbox"));
      if (help && (e.key === "Escape" || e.key === "?")) { setHelp(false); e.preventDefault(); return; }
      const action = keyAction({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, typing }, queue.rubric[focus]);
      if (action.type === "none") return;
      e.preventDefault();
      if (action.type === "help") setHelp((h) => !h);
      else if (action.type === "leave") el?.blur();
      else if (!item) return;
      else if (action.type === "move") moveTo(focus + action.delta);
      else if (action.type === "pick") {
        setValues((v) => ({ ...v, [queue.rubric[focus].key]: action.value }));
        if (focus < queue.rubric.length - 1) moveTo(focus + 1);
      } else if (action.type === "submit") void submit();
      else if (action.type === "skip") void skip();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [focus, help, item, queue.rubric, moveTo, submit, skip]);

  const setValue = (key: string, v: RubricValue | undefined) =>
    setValues((old) => {
      const copy = { ...old };
      if (v === undefined) delete copy[key];
      else copy[key] = v;
      return copy;
    });

  return (
    <>
      <PageHeader
        title={queue.name}
        crumbs={<Link href={`/review${qs}`} className="hover:underline">Review</Link>}
        subtitle={queue.description ?? undefined}
        timeControls={false}
      >
        <div className="flex items-center gap-3" data-testid="queue-progress">
          <span className="text-xs text-muted">You: <span data-testid="my-count" className="font-medium text-fg">{queue.progress.mine}</span></span>
          <ProgressBar done={queue.progress.completed} total={queue.progress.total} label="Items completed" />
          {canManage ? <Link href={`/review/${queue.id}/adjudicate${qs}`} className="text-xs text-accent hover:underline">Adjudicate</Link> : null}
        </div>
      </PageHeader>
      <main className="grid gap-4 p-5 lg:grid-cols-[minmax(0,1fr)_24rem]">
        {!canReview ? (
          <Card className="p-6 text-sm text-muted">Your role can read this queue but not review it.</Card>
        ) : item === undefined ? (
          <Card className="p-6 text-sm text-muted" aria-busy="true">Taking the next item…</Card>
        ) : item === null ? (
          <Card className="p-6 text-sm" data-testid="queue-done">
            <p className="font-medium">Nothing left for you in this queue.</p>
            <p className="mt-1 text-muted">Items you have reviewed or skipped are not served again. <button type="button" className="text-accent hover:underline" onClick={() => void next()}>Check again</button></p>
          </Card>
        ) : (
          <Card>
            <CardBody><ItemView event={item.event} /></CardBody>
          </Card>
        )}
        <div className="flex flex-col gap-3">
          {queue.instructions ? (
            <Card>
              <CardHeader title="Instructions" />
              <CardBody className="whitespace-pre-wrap text-xs leading-5">{queue.instructions}</CardBody>
            </Card>
          ) : null}
          {item ? (
            <Card>
              <CardHeader title="Your verdict" description={`Lease until ${new Date(item.leaseExpiresAt).toLocaleTimeString()}`} />
              <CardBody className="flex flex-col gap-2">
                <RubricForm rubric={queue.rubric} values={values} focus={focus} onFocus={setFocus} onChange={setValue} fieldRefs={fieldRefs} />
                {queue.correctedOutput ? (
                  <label className="flex flex-col gap-1 text-xs font-medium">
                    Corrected output
                    <textarea value={corrected} onChange={(e) => setCorrected(e.target.value)} rows={3} className={cn(fieldClass, "h-auto py-1.5")} />
                  </label>
                ) : null}
                <label className="flex flex-col gap-1 text-xs font-medium">
                  Comment
                  <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} className={cn(fieldClass, "h-auto py-1.5")} />
                </label>
                {error ? <p role="alert" className="text-xs text-bad">{error}</p> : null}
                <div className="flex gap-2">
                  <Button variant="primary" onClick={() => void submit()} disabled={busy}>Submit <kbd className="font-mono text-[10px] opacity-80">Ctrl+Enter</kbd></Button>
                  <Button onClick={() => void skip()} disabled={busy}>Skip <kbd className="font-mono text-[10px] text-muted">s</kbd></Button>
                </div>
              </CardBody>
            </Card>
          ) : error ? <p role="alert" className="text-xs text-bad">{error}</p> : null}
          <ShortcutsBar />
        </div>
      </main>
      {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
    </>
  );
}
