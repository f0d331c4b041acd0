import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { AttributeRow, InspectorRows } from "@/lib/otlp/inspector-rows";

/** Values wrap inside the drawer instead of widening it (Td is nowrap by default, hence `!`). */
const WRAP = "whitespace-normal! wrap-anywhere";

function Heading({ children }: { children: React.ReactNode }) {
  return <h4 className="mb-1 mt-3 text-[11px] font-medium text-muted">{children}</h4>;
}

function AttributeTable({ label, rows }: { label: string; rows: AttributeRow[] }) {
  return (
    <Table aria-label={label} className="table-fixed">
      <thead>
        <tr>
          <Th className="w-2/5">Key</Th>
          <Th className="w-3/5">Value</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Tr key={r.key}>
            <Td className={`${WRAP} align-top font-mono`}>{r.key}</Td>
            <Td className={`${WRAP} align-top font-mono`}>
              {r.value}
              {r.valueType !== "string" ? <span className="ml-1.5 font-sans text-[10px] text-muted">{r.valueType}</span> : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * How an OTLP span became this event: each Sightline field with its source, and everything that
 * was not mapped. Renders prepared rows (lib/otlp/inspector-rows.ts) as text nodes only.
 */
export function MappingInspector({ rows }: { rows: InspectorRows }) {
  const scope = [rows.scope.name, rows.scope.version].filter(Boolean).join(" ") || "—";
  return (
    <div data-testid="mapping-inspector">
      {rows.warnings.length ? (
        <ul aria-label="Mapping warnings" className="mb-3 flex flex-col gap-1">
          {rows.warnings.map((w, i) => (
            <li key={i} className={`${WRAP} rounded border border-warn/30 bg-warn/10 px-2 py-1 text-xs text-warn`}>
              {w}
            </li>
          ))}
        </ul>
      ) : null}

      <dl className="mb-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-muted">Span</dt>
        <dd className={WRAP}>
          <span className="font-mono">{rows.spanName ?? "—"}</span>
          {rows.spanKind ? <Badge className="ml-2">{rows.spanKind}</Badge> : null}
        </dd>
        <dt className="text-muted">Scope</dt>
        <dd className={`${WRAP} font-mono`}>{scope}</dd>
        {rows.dropped ? (
          <>
            <dt className="text-muted">Dropped by the SDK</dt>
            <dd>
              {rows.dropped.attributes} attributes, {rows.dropped.events} events, {rows.dropped.links} links
            </dd>
          </>
        ) : null}
      </dl>

      <Table aria-label="Field mapping" className="table-fixed">
        <thead>
          <tr>
            <Th className="w-[30%]">Field</Th>
            <Th className="w-[35%]">Value</Th>
            <Th className="w-[35%]">Source</Th>
          </tr>
        </thead>
        <tbody>
          {rows.fields.map((r) => (
            <Tr key={r.field} data-field={r.field}>
              <Td className={`${WRAP} align-top font-mono`}>{r.field}</Td>
              <Td className={`${WRAP} align-top`}>{r.value}</Td>
              <Td className={`${WRAP} align-top font-mono ${r.fixed ? "text-muted" : "text-accent"}`} title={r.fixed ? "always from this part of the span" : undefined}>
                ← {r.source}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>

      <Heading>Unmapped attributes ({rows.unmapped.length})</Heading>
      {rows.unmapped.length ? <AttributeTable label="Unmapped attributes" rows={rows.unmapped} /> : <p className="text-xs text-muted">Every attribute was mapped.</p>}

      {rows.resource.length ? (
        <>
          <Heading>Unmapped resource attributes ({rows.resource.length})</Heading>
          <AttributeTable label="Unmapped resource attributes" rows={rows.resource} />
        </>
      ) : null}

      {rows.scope.attributes.length ? (
        <>
          <Heading>Scope attributes</Heading>
          <AttributeTable label="Scope attributes" rows={rows.scope.attributes} />
        </>
      ) : null}

      {rows.original.length ? (
        <>
          <Heading>Output attributes (text shown in Output)</Heading>
          <AttributeTable label="Output attributes" rows={rows.original} />
        </>
      ) : null}

      {rows.events.length ? (
        <>
          <Heading>Span events ({rows.events.length})</Heading>
          <ol aria-label="Span events" className="flex flex-col gap-2">
            {rows.events.map((e, i) => (
              <li key={i} className="rounded border border-border/60 p-2">
                <div className="mb-1 flex gap-2 text-xs">
                  <span className="font-mono">{e.name}</span>
                  {e.time ? <span className="tabular text-muted">{e.time}</span> : null}
                </div>
                {e.attributes.length ? <AttributeTable label={`Attributes of ${e.name}`} rows={e.attributes} /> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {rows.links.length ? (
        <>
          <Heading>Links ({rows.links.length})</Heading>
          <ul className="flex flex-col gap-1 text-xs">
            {rows.links.map((l, i) => (
              <li key={i} className={`${WRAP} font-mono`}>
                {l.traceId ?? "?"}:{l.spanId ?? "?"}
                {l.attributes.length ? ` ${l.attributes.map((a) => `${a.key}=${a.value}`).join(", ")}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {rows.statusMessage ? (
        <>
          <Heading>Full status message</Heading>
          <CodeBlock label="Full status message" className="max-h-40">
            {rows.statusMessage}
          </CodeBlock>
        </>
      ) : null}
    </div>
  );
}
