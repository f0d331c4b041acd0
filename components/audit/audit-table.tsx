import { Badge } from "@/components/ui/badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { AuditEntryView } from "@/lib/audit/schemas";

/** Before/after as compact JSON text (never HTML: entries hold user-supplied names). */
function change(e: AuditEntryView): string {
  const parts = [];
  if (e.before !== null) parts.push(`before ${JSON.stringify(e.before)}`);
  if (e.after !== null) parts.push(`after ${JSON.stringify(e.after)}`);
  const s = parts.join(" → ");
  return s.length > 240 ? `${s.slice(0, 239)}…` : s;
}

export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <Table aria-label="Audit log">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Change</Th>
          <Th>Address</Th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <Td colSpan={6} className="py-6 text-center text-muted">
              No entries match.
            </Td>
          </tr>
        ) : null}
        {entries.map((e) => (
          <Tr key={e.id} data-testid="audit-row">
            <Td className="tabular">{new Date(e.at).toLocaleString()}</Td>
            <Td>
              <span className="mr-1">{e.actor}</span>
              {e.actorKind !== "member" ? <Badge>{e.actorKind.replace("_", " ")}</Badge> : null}
            </Td>
            <Td>
              <Badge tone={e.action.endsWith("_failed") || e.action.endsWith(".revoke") || e.action.endsWith(".disable") ? "warn" : "neutral"}>{e.action}</Badge>
            </Td>
            <Td className="font-mono">{e.target ?? "—"}</Td>
            <Td className="max-w-[22rem] truncate font-mono text-muted" title={change(e)}>
              {change(e)}
            </Td>
            <Td className="font-mono text-muted">{e.address ?? "—"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
