import { Stat } from "@/components/ui/stat";
import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/charts/format";
import type { EventGroup } from "@/lib/queries/groups";

/** Explorer filters a total of a group corresponds to. */
export type GroupDrill = { type?: "llm"; status?: "error"; flagged?: boolean };

/** The totals of a trace, session or end user as stat cards, each linking to the events it counts. */
export function GroupStats({ group, spans, link }: { group: EventGroup; spans?: boolean; link?: (d: GroupDrill) => string }) {
  return (
    <section className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Totals">
      <Stat label={spans ? "Spans" : "Events"} value={formatCount(group.events)} href={link?.({})} />
      <Stat label="LLM calls" value={formatCount(group.llmCalls)} href={link?.({ type: "llm" })} />
      <Stat label="Errors" value={formatCount(group.errors)} tone={group.errors > 0 ? "bad" : undefined} href={group.errors > 0 ? link?.({ status: "error" }) : undefined} />
      <Stat label="Tokens" value={formatCount(group.inputTokens + group.outputTokens)} hint={`${formatCount(group.inputTokens)} in / ${formatCount(group.outputTokens)} out`} href={link?.({ type: "llm" })} />
      <Stat label="Cost" value={formatUsd(group.costUsd)} href={link?.({ type: "llm" })} />
      {spans ? (
        <Stat label="Duration" value={formatMs(group.durationMs)} />
      ) : (
        <Stat label="Hallucination rate" value={formatPercent(group.hallucinationRate)} href={group.hallucinationRate !== null ? link?.({ type: "llm", flagged: true }) : undefined} />
      )}
    </section>
  );
}
