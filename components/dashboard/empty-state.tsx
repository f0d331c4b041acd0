import { CodeBlock } from "@/components/ui/code-block";

/** Shown before the first event arrives: what to paste to send one. */
export function FirstEventSnippet({ origin }: { origin: string }) {
  const curl = `curl -X POST ${origin}/api/v1/ingest \\
  -H "Authorization: Bearer $SIGHTLINE_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"events":[{"id":"evt-1","type":"llm","model":"gpt-4o-mini","promptId":"support-answer","promptVersion":1,"latencyMs":840,"inputTokens":412,"outputTokens":96,"input":"How do I reset my password?","output":"Open Settings → Security…"}]}'`;
  const otel = `OTEL_EXPORTER_OTLP_ENDPOINT=${origin}/api/otlp
OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20$SIGHTLINE_API_KEY"
OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf`;
  return (
    <div className="mx-auto max-w-3xl rounded-lg border border-dashed border-border bg-surface p-5">
      <h2 className="text-sm font-semibold">No events yet</h2>
      <p className="mb-3 text-xs text-muted">Send your first event with an API key that has the ingest scope, or point an OpenTelemetry exporter at Sightline.</p>
      <h3 className="mb-1 text-[11px] font-medium uppercase tracking-wide text-muted">curl</h3>
      <CodeBlock label="curl example">{curl}</CodeBlock>
      <h3 className="mb-1 mt-3 text-[11px] font-medium uppercase tracking-wide text-muted">OpenTelemetry environment</h3>
      <CodeBlock label="OpenTelemetry environment">{otel}</CodeBlock>
    </div>
  );
}
