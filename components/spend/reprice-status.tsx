import { Badge } from "@/components/ui/badge";
import { formatCount, formatPercent } from "@/lib/charts/format";
import type { RepriceJobView } from "@/lib/queries/prices";

const TONE = { queued: "neutral", running: "accent", done: "ok", failed: "bad" } as const;

/** One re-pricing job's state and progress. */
export function RepriceStatus({ job }: { job: RepriceJobView }) {
  return (
    <div className="flex flex-col gap-1.5 text-xs" data-testid="reprice-status" aria-live="polite">
      <div className="flex items-center gap-2">
        <Badge tone={TONE[job.status]}>{job.status}</Badge>
        <span className="text-muted">
          {job.from.slice(0, 16).replace("T", " ")} → {job.to.slice(0, 16).replace("T", " ")}
          {job.model ? ` · ${job.model}` : ""}
        </span>
      </div>
      <div className="h-1.5 w-full overflow-hidden rounded bg-surface-2" role="progressbar" aria-valuenow={Math.round(job.progress * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-full bg-accent" style={{ width: `${job.progress * 100}%` }} />
      </div>
      <span className="text-muted">
        {formatPercent(job.progress, 0)} · {formatCount(job.processed)} calls examined · {formatCount(job.changed)} re-priced
        {job.error ? ` · ${job.error}` : ""}
      </span>
    </div>
  );
}
