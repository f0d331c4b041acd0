"use client";

import { StickyLink } from "@/components/layout/nav-link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatCount, formatMs, formatTimestamp, formatUsd } from "@/lib/charts/format";
import type { EventView } from "@/lib/queries/events";
import { eventPreview } from "./event-text";

/** `selected`/`onToggle` add a checkbox column (events explorer with review rights). */
export function EventsTable({ events, onOpen, selected, onToggle }: {
  events: EventView[];
  onOpen: (id: string) => void;
  selected?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
}) {
  return (
    <Table aria-label="Events">
      <thead>
        <tr>
          <Th>Time (UTC)</Th>
          <Th>Type</Th>
          <Th>Model</Th>
          <Th>Prompt</Th>
          <Th>Status</Th>
          <Th align="right">Latency</Th>
          <Th align="right">Tokens</Th>
          <Th align="right">Cost</Th>
          <Th>Output</Th>
          {/* After the text, so a click in the middle of a row opens the event, not a link. */}
          <Th>Trace · session · user</Th>
          {/* Last, so the columns before it keep their positions for everyone. */}
          {onToggle ? <Th><span className="sr-only">Select for review</span></Th> : null}
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <Tr key={e.id} data-testid="event-row" className="cursor-pointer" onClick={() => onOpen(e.id)}>
            <Td className="font-mono text-muted">{formatTimestamp(e.timestamp)}</Td>
            <Td>
              <Badge>{e.type}</Badge>
            </Td>
            <Td>
              {e.model ? <NameLink href={`/models/${encodeURIComponent(e.model)}`}>{e.model}</NameLink> : "—"}
              {e.modelVersion ? <span className="text-muted"> @{e.modelVersion}</span> : null}
            </Td>
            <Td>
              {e.promptId ? <NameLink href={`/prompts/${encodeURIComponent(e.promptId)}`}>{e.promptId}</NameLink> : "—"}
              {e.promptVersion ? <span className="text-muted"> v{e.promptVersion}</span> : null}
            </Td>
            <Td>
              <span className="inline-flex gap-1">
                {e.status === "error" ? <Badge tone="bad">error</Badge> : e.status ? <Badge tone="ok">ok</Badge> : null}
                {e.hallucination?.flagged ? <Badge tone="warn">flagged</Badge> : null}
              </span>
            </Td>
            <Td align="right">{formatMs(e.latencyMs)}</Td>
            <Td align="right">{e.inputTokens !== null || e.outputTokens !== null ? formatCount((e.inputTokens ?? 0) + (e.outputTokens ?? 0)) : "—"}</Td>
            <Td align="right">{formatUsd(e.costUsd)}</Td>
            <Td className="max-w-[28rem] truncate text-muted">
              <button
                type="button"
                className="max-w-full truncate text-left hover:text-fg"
                // The row opens the event too; one open per click keeps one history entry.
                onClick={(ev) => {
                  ev.stopPropagation();
                  onOpen(e.id);
                }}
              >
                {eventPreview(e) || "(no text)"}
              </button>
            </Td>
            <Td className="max-w-[14rem] truncate">
              <ContextLinks event={e} />
            </Td>
            {onToggle ? (
              <Td onClick={(ev) => ev.stopPropagation()}>
                <input type="checkbox" aria-label={`Select event ${e.id}`} checked={selected?.has(e.id) ?? false} onChange={() => onToggle(e.id)} />
              </Td>
            ) : null}
          </Tr>
        ))}
        {events.length === 0 ? (
          <tr>
            <td colSpan={onToggle ? 11 : 10} className="px-3 py-8 text-center text-xs text-muted">
              No events match these filters in this time range.
            </td>
          </tr>
        ) : null}
      </tbody>
    </Table>
  );
}

/** A name that leads to its own page; the row's own click (open the drawer) does not fire too. */
function NameLink({ href, label, children }: { href: string; label?: string; children: React.ReactNode }) {
  return (
    <StickyLink href={href} aria-label={label} className="text-accent hover:underline" onClick={(ev) => ev.stopPropagation()}>
      {children}
    </StickyLink>
  );
}

/**
 * The trace, session and user an event belongs to, each a link named "Trace <id>" etc.; long ids
 * are cut by CSS only, so the visible text stays part of the link's name.
 */
function ContextLinks({ event: e }: { event: EventView }) {
  const id = (v: string) => <span className="inline-block max-w-[6rem] truncate align-bottom">{v}</span>;
  const parts = [
    e.traceId ? <NameLink key="t" href={`/traces/${encodeURIComponent(e.traceId)}`} label={`Trace ${e.traceId}`}>trace</NameLink> : null,
    e.sessionId ? <NameLink key="s" href={`/sessions/${encodeURIComponent(e.sessionId)}`} label={`Session ${e.sessionId}`}>{id(e.sessionId)}</NameLink> : null,
    e.userId ? <NameLink key="u" href={`/users/${encodeURIComponent(e.userId)}`} label={`User ${e.userId}`}>{id(e.userId)}</NameLink> : null,
  ].filter(Boolean);
  if (parts.length === 0) return <span className="text-muted">—</span>;
  return <span className="inline-flex gap-2">{parts}</span>;
}
