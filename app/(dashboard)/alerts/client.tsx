"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AlertsNav } from "@/components/alerts/alerts-nav";
import { DisabledChannelsBanner } from "@/components/alerts/disabled-channels-banner";
import { RuleForm } from "@/components/alerts/rule-form";
import { RulesTable } from "@/components/alerts/rules-table";
import { SilencesTable } from "@/components/alerts/silences-table";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { alertChannelsQuery, alertRulesQuery, silencesQuery, type AlertRule } from "@/lib/queries/alerts";

export function AlertsClient({ project, available, canWrite, canWriteChannels }: { project: string | null; available: string[]; canWrite: boolean; canWriteChannels: boolean }) {
  const rules = useQuery(alertRulesQuery(project));
  const channels = useQuery(alertChannelsQuery(project));
  const silences = useQuery(silencesQuery(project));
  // One form at a time: a new rule, or the rule being edited.
  const [form, setForm] = useState<{ kind: "new" } | { kind: "edit"; rule: AlertRule } | null>(null);
  return (
    <>
      <PageHeader title="Alerts" subtitle="Rules on any metric; incidents notify Slack, PagerDuty and signed webhooks" timeControls={false}>
        <AlertsNav />
      </PageHeader>
      <main className="flex flex-col gap-4 p-5">
        <DisabledChannelsBanner project={project} channels={channels.data?.channels ?? []} canWrite={canWriteChannels} />
        {rules.error ? <ErrorState error={rules.error} /> : null}
        {form ? (
          <RuleForm
            key={form.kind === "edit" ? form.rule.id : "new"}
            project={project}
            available={available}
            channels={channels.data?.channels ?? []}
            rule={form.kind === "edit" ? form.rule : undefined}
            onDone={() => setForm(null)}
          />
        ) : null}
        <Card>
          <CardHeader
            title="Rules"
            description="Evaluated every 30 s over windows that end a little before now"
            actions={canWrite ? <Button variant={form?.kind === "new" ? "default" : "primary"} onClick={() => setForm((f) => (f?.kind === "new" ? null : { kind: "new" }))}>{form?.kind === "new" ? "Cancel" : "New rule"}</Button> : null}
          />
          <RulesTable project={project} rules={rules.data?.rules ?? []} canWrite={canWrite} onEdit={(rule) => setForm({ kind: "edit", rule })} />
        </Card>
        <Card>
          <CardHeader title="Active silences" description="Muted incidents still open and resolve; they just do not notify. Create one from an incident's page." />
          {silences.error ? <ErrorState error={silences.error} /> : null}
          <SilencesTable project={project} silences={silences.data?.silences ?? []} rules={rules.data?.rules ?? []} canWrite={canWrite} />
        </Card>
      </main>
    </>
  );
}
