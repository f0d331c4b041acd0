"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { EventFilters } from "@/lib/queries/events";
import { enqueue, reviewQueuesQuery } from "@/lib/queries/review";

/**
 * "Add to queue" for the events explorer: the selected events, or every event matching the
 * current filter — sent as the explorer's own query, so the server runs exactly that listing.
 */
export function AddToQueue({ project, selected, filter, compact }: {
  project: string | null;
  selected: string[];
  /** The explorer's filter and window; null hides "all matching". */
  filter: EventFilters | null;
  compact?: boolean;
}) {
  const queues = useQuery(reviewQueuesQuery(project));
  const [queueId, setQueueId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = queues.data?.queues ?? [];
  const chosen = queueId ?? list[0]?.id ?? null;
  const send = async (body: Parameters<typeof enqueue>[2]) => {
    if (chosen === null) return;
    setMessage(null);
    try {
      const r = await enqueue(project, chosen, body);
      setMessage(`Added ${r.added}${r.existing ? `, ${r.existing} already queued` : ""}.`);
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  if (queues.isSuccess && list.length === 0) return compact ? null : <span className="text-xs text-muted">No review queues yet.</span>;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="add-to-queue">
      <Select aria-label="Review queue" value={chosen ?? ""} onChange={(e) => setQueueId(Number(e.target.value))}>
        {list.map((q) => <option key={q.id} value={q.id}>{q.name}</option>)}
      </Select>
      <Button onClick={() => void send({ eventIds: selected })} disabled={selected.length === 0 || chosen === null}>
        {compact ? "Add to queue" : `Add selected (${selected.length})`}
      </Button>
      {filter ? (
        <Button onClick={() => void send({ filter })} disabled={chosen === null}>Add all matching filter</Button>
      ) : null}
      {message ? <span role="status" className="text-xs text-muted">{message}</span> : null}
    </div>
  );
}
