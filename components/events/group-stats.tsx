import { Stat } from "@/components/ui/stat";
import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/charts/format";
import type { EventGroup } from "@/lib/queries/groups";

/** The totals of a trace, session or end user as stat cards; errors and flagged calls link to their events. */
export function GroupStats({ group, spans, errorsHref }: { group: EventGroup; spans?: boolean; errorsHref?: string }) {
  return (
    <section className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Totals">
      <Stat label={spans ? "Spans" : "Events"} value={formatCount(group.events)} />
      <Stat label="LLM calls" value={formatCount(group.llmCalls)} />
      <Stat label="Errors" value={formatCount(group.errors)} tone={group.errors > 0 ? "bad" : undefined} href={group.errors > 0 ? errorsHref : undefined} />
      <Stat label="Tokens" value={formatCount(group.inputTokens + group.outputTokens)} hint={`${formatCount(group.inputTokens)} in / ${formatCount(group.outputTokens)} out`} />
      <Stat label="Cost" value={formatUsd(group.costUsd)} />
      <Stat label={spans ? "Duration" : "Hallucination rate"} value={spans ? formatMs(group.durationMs) : formatPercent(group.hallucinationRate)} />
    </section>
  );
}
