"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { endSilence, type AlertRule, type Silence } from "@/lib/queries/alerts";
import { queryKeys } from "@/lib/queries/keys";

const utc = (ms: number) => `${new Date(ms).toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** What a silence mutes, in words: its rule (by name), its incident, and any label it must match. */
function target(s: Silence, rules: AlertRule[], project: string | null): React.ReactNode {
  const parts: React.ReactNode[] = [];
  if (s.ruleId !== null) parts.push(<span key="r">rule {rules.find((r) => r.id === s.ruleId)?.name ?? `#${s.ruleId}`}</span>);
  if (s.incidentId !== null) parts.push(<Link key="i" className="text-accent hover:underline" href={`/alerts/incidents/${s.incidentId}${project ? `?project=${encodeURIComponent(project)}` : ""}`}>incident #{s.incidentId}</Link>);
  const labels = Object.entries(s.scope).map(([k, v]) => `${k}=${v}`).join(" ");
  if (labels) parts.push(<span key="l" className="font-mono">{labels}</span>);
  return parts.flatMap((p, i) => (i === 0 ? [p] : [" · ", p]));
}

/** Silences that have not ended, with "End now" for members who may write alerts. */
export function SilencesTable({ project, silences, rules, canWrite }: { project: string | null; silences: Silence[]; rules: AlertRule[]; canWrite: boolean }) {
  const qc = useQueryClient();
  const end = useMutation({
    mutationFn: (id: number) => endSilence(project, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.silences(project) }),
  });
  if (silences.length === 0) return <p className="p-3 text-xs text-muted">No active silences: every incident notifies.</p>;
  return (
    <>
      {end.error ? <p role="alert" className="px-3 pt-2 text-xs text-bad">{end.error.message}</p> : null}
      <Table aria-label="Active silences">
        <thead>
          <tr><Th>Mutes</Th><Th>From</Th><Th>Until</Th><Th>Reason</Th><Th>By</Th>{canWrite ? <Th align="right">Actions</Th> : null}</tr>
        </thead>
        <tbody>
          {silences.map((s) => (
            <Tr key={s.id}>
              <Td>{target(s, rules, project)}</Td>
              <Td className="whitespace-nowrap tabular-nums">{utc(s.startsAt)}</Td>
              <Td className="whitespace-nowrap tabular-nums">{utc(s.endsAt)}</Td>
              <Td>{s.reason}</Td>
              <Td className="text-muted">{s.createdBy}</Td>
              {canWrite ? (
                <Td align="right">
                  <Button onClick={() => end.mutate(s.id)} disabled={end.isPending && end.variables === s.id} aria-label={`End silence “${s.reason}” now`}>End now</Button>
                </Td>
              ) : null}
            </Tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
