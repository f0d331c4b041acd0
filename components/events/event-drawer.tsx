"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { StickyLink } from "@/components/layout/nav-link";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { Drawer } from "@/components/ui/drawer";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount, formatMs, formatTimestamp, formatUsd } from "@/lib/charts/format";
import { inspectorRows } from "@/lib/otlp/inspector-rows";
import { eventQuery } from "@/lib/queries/events";
import { inputText } from "./event-text";
import { MappingInspector } from "./mapping-inspector";
import { costLabel, tokensLabel } from "@/lib/spend/event-spend";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mb-4">
      <h3 className="mb-1 text-[11px] font-medium uppercase tracking-wide text-muted">{title}</h3>
      {children}
    </section>
  );
}

/** A name in the drawer that leads to its own page (model, prompt, user, session, trace). */
const link = (href: string, text: string) => (
  <StickyLink href={href} className="text-accent hover:underline">
    {text}
  </StickyLink>
);

/** Full event: LLM text is untrusted and only ever rendered as text nodes (CodeBlock). */
export function EventDrawer({ project, eventId, onClose, children }: {
  project: string | null;
  eventId: string | null;
  onClose: () => void;
  /** Actions on the open event (e.g. "add to review queue"). */
  children?: React.ReactNode;
}) {
  const q = useQuery({ ...eventQuery(project, eventId ?? ""), enabled: eventId !== null });
  const e = q.data;
  const inspector = useMemo(() => (e ? inspectorRows(e) : null), [e]);
  const facts: [string, React.ReactNode][] = e
    ? [
        ["Time", `${formatTimestamp(e.timestamp)} UTC`],
        ["Model", e.model ? <>{link(`/models/${encodeURIComponent(e.model)}`, e.model)}{e.modelVersion ? ` @${e.modelVersion}` : ""}</> : "—"],
        ...(e.responseModel ? [["Response model", e.responseModel] as [string, React.ReactNode]] : []),
        ["Prompt", e.promptId ? <>{link(`/prompts/${encodeURIComponent(e.promptId)}`, e.promptId)}{e.promptVersion ? ` v${e.promptVersion}` : ""}</> : "—"],
        ["Latency", formatMs(e.latencyMs)],
        ["Tokens", tokensLabel(e)],
        ["Cost", costLabel(e)],
        ["User", e.userId ? link(`/users/${encodeURIComponent(e.userId)}`, e.userId) : "—"],
        ["Session", e.sessionId ? link(`/sessions/${encodeURIComponent(e.sessionId)}`, e.sessionId) : "—"],
        ["Environment", e.environment],
        [
          "Trace",
          e.traceId ? (
            <StickyLink href={`/traces/${encodeURIComponent(e.traceId)}`} className="text-accent hover:underline">
              {e.traceId}
            </StickyLink>
          ) : (
            "—"
          ),
        ],
      ]
    : [];
  return (
    <Drawer open={eventId !== null} onClose={onClose} title={<span className="font-mono">{eventId}</span>}>
      {q.error ? <ErrorState error={q.error} /> : null}
      {q.isPending && eventId ? <Skeleton className="h-64" /> : null}
      {children ? <div className="mb-3">{children}</div> : null}
      {e ? (
        <div data-testid="event-detail">
          <div className="mb-3 flex flex-wrap gap-1">
            <Badge>{e.type}</Badge>
            {e.status ? <Badge tone={e.status === "error" ? "bad" : "ok"}>{e.status}</Badge> : null}
            {e.hallucination?.flagged ? (
              <Badge tone="warn">
                hallucination{e.hallucination.score !== null ? ` ${e.hallucination.score.toFixed(2)}` : ""}
                {e.hallucination.source ? ` · ${e.hallucination.source}` : ""}
              </Badge>
            ) : null}
          </div>
          <dl className="mb-4 grid grid-cols-1 gap-x-4 gap-y-1.5 text-xs sm:grid-cols-2">
            {facts.map(([k, v]) => (
              <div key={k} className="flex min-w-0 gap-2">
                <dt className="w-24 shrink-0 text-muted">{k}</dt>
                <dd className="min-w-0 truncate tabular">{v}</dd>
              </div>
            ))}
          </dl>
          {e.errorMessage ? (
            <Section title="Error">
              <CodeBlock label="Error">{e.errorMessage}</CodeBlock>
            </Section>
          ) : null}
          {e.input !== undefined ? (
            <Section title="Input">
              <CodeBlock label="Input">{inputText(e.input)}</CodeBlock>
            </Section>
          ) : null}
          {e.output !== undefined ? (
            <Section title="Output">
              <CodeBlock label="Output">{e.output}</CodeBlock>
            </Section>
          ) : null}
          {e.context?.length ? (
            <Section title={`Retrieved context (${e.context.length})`}>
              <div className="flex flex-col gap-2">
                {e.context.map((c, i) => (
                  <CodeBlock key={i} label={`Context ${i + 1}`} className="max-h-40">
                    {c}
                  </CodeBlock>
                ))}
              </div>
            </Section>
          ) : null}
          {e.prediction !== undefined ? (
            <Section title="Prediction">
              <CodeBlock label="Prediction">{JSON.stringify({ prediction: e.prediction, score: e.score, features: e.features, attributions: e.attributions }, null, 2)}</CodeBlock>
            </Section>
          ) : null}
          {e.metadata ? (
            <Section title="Metadata">
              <CodeBlock label="Metadata">{JSON.stringify(e.metadata, null, 2)}</CodeBlock>
            </Section>
          ) : null}
          {inspector ? (
            <Section title="OpenTelemetry mapping">
              <MappingInspector rows={inspector} />
              <details className="mt-3">
                <summary className="cursor-pointer text-xs text-muted hover:text-fg">Raw provenance (JSON)</summary>
                <CodeBlock label="OpenTelemetry provenance" className="mt-1">
                  {JSON.stringify(e.otel, null, 2)}
                </CodeBlock>
              </details>
            </Section>
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
