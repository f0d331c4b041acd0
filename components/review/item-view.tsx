import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { inputText } from "@/components/events/event-text";
import type { EventView } from "@/lib/queries/events";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h3 className="mb-1 text-[11px] font-medium uppercase tracking-wide text-muted">{title}</h3>
      {children}
    </section>
  );
}

/** What the reviewer judges: the event's input, retrieved context and output, as text nodes only. */
export function ItemView({ event }: { event: EventView }) {
  const h = event.hallucination;
  return (
    <div className="flex flex-col gap-3" data-testid="review-item">
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <Badge>{event.model ?? "no model"}{event.modelVersion ? ` @${event.modelVersion}` : ""}</Badge>
        {event.promptId ? <Badge>{event.promptId}{event.promptVersion ? ` v${event.promptVersion}` : ""}</Badge> : null}
        {h ? (
          <Badge tone={h.flagged ? "warn" : "ok"} data-testid="detector">
            detector: {h.flagged ? "flagged" : "not flagged"}{h.score !== null ? ` · score ${h.score.toFixed(2)}` : ""}{h.source ? ` · ${h.source}` : ""}
          </Badge>
        ) : (
          <Badge>no detector result</Badge>
        )}
        <span className="font-mono text-[11px] text-muted" data-testid="event-id">{event.id}</span>
      </div>
      <Section title="Input">
        <CodeBlock>{inputText(event.input) || "—"}</CodeBlock>
      </Section>
      {event.context && event.context.length > 0 ? (
        <Section title={`Retrieved context (${event.context.length})`}>
          <div className="flex flex-col gap-1.5">
            {event.context.map((c, i) => (
              <CodeBlock key={i}>{c}</CodeBlock>
            ))}
          </div>
        </Section>
      ) : null}
      <Section title="Output">
        <CodeBlock>{event.output ?? "—"}</CodeBlock>
      </Section>
    </div>
  );
}
