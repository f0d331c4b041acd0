"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Label, Select } from "@/components/ui/input";
import { REDACTION_MODES } from "@/db/schema";
import { queryKeys } from "@/lib/queries/keys";
import { governanceQuery, setRedaction, setRetentionDays } from "@/lib/queries/settings";

const MODE_HELP: Record<(typeof REDACTION_MODES)[number], string> = {
  off: "stored as sent",
  mask: "replaced by [redacted:kind]",
  hash: "replaced by a keyed hash, so equal values still match",
};

/** Personal data (redaction at ingest) and retention of raw events. */
export function GovernanceCard({ project }: { project: string | null }) {
  const qc = useQueryClient();
  const settings = useQuery(governanceQuery(project));
  const onSaved = (data: unknown) => qc.setQueryData(queryKeys.governance(project), data);
  const redaction = useMutation({ mutationFn: (mode: (typeof REDACTION_MODES)[number]) => setRedaction(project, mode), onSuccess: onSaved });
  const retention = useMutation({ mutationFn: (days: number | null) => setRetentionDays(project, days), onSuccess: onSaved });
  const s = settings.data;

  function onRetention(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get("days") ?? "").trim();
    retention.mutate(raw === "" ? null : Number(raw));
  }

  return (
    <Card>
      <CardHeader
        title="Personal data and retention"
        description="E-mail addresses, phone numbers, card numbers, IBANs, IP addresses and API-key-like secrets are redacted before anything is stored."
      />
      {settings.error ?? redaction.error ?? retention.error ? <ErrorState error={settings.error ?? redaction.error ?? retention.error} /> : null}
      <CardBody className="flex flex-wrap items-end gap-6">
        {/* The options' help text is long: on a phone the select takes the card's width and clips it instead of widening the page. */}
        <Label className="w-full min-w-0 sm:w-auto">
          Redaction at ingest
          <Select className="w-full sm:w-auto" aria-label="Redaction mode" value={s?.redaction.mode ?? "off"} disabled={!s || redaction.isPending} onChange={(e) => redaction.mutate(e.target.value as (typeof REDACTION_MODES)[number])}>
            {REDACTION_MODES.map((m) => (
              <option key={m} value={m}>
                {m} — {MODE_HELP[m]}
              </option>
            ))}
          </Select>
        </Label>
        <form onSubmit={onRetention} className="flex items-end gap-2" aria-label="Retention">
          <Label>
            Keep raw events (days; empty keeps them)
            <Input key={String(s?.retention.days)} name="days" type="number" min={1} max={3650} defaultValue={s?.retention.days ?? ""} className="w-28" />
          </Label>
          <Button type="submit" disabled={!s || retention.isPending}>
            Save
          </Button>
        </form>
        <p className="text-xs text-muted">Aggregates (charts, totals) are kept after raw events are deleted.</p>
      </CardBody>
    </Card>
  );
}
