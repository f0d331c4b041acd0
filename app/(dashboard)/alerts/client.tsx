"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AlertsNav } from "@/components/alerts/alerts-nav";
import { DisabledChannelsBanner } from "@/components/alerts/disabled-channels-banner";
import { RuleForm } from "@/components/alerts/rule-form";
import { RulesTable } from "@/components/alerts/rules-table";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { alertChannelsQuery, alertRulesQuery } from "@/lib/queries/alerts";

export function AlertsClient({ project, available, canWrite, canWriteChannels }: { project: string | null; available: string[]; canWrite: boolean; canWriteChannels: boolean }) {
  const rules = useQuery(alertRulesQuery(project));
  const channels = useQuery(alertChannelsQuery(project));
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="Alerts" subtitle="Rules on any metric; incidents notify Slack, PagerDuty and signed webhooks" timeControls={false}>
        <AlertsNav />
      </PageHeader>
      <main className="flex flex-col gap-4 p-5">
        <DisabledChannelsBanner project={project} channels={channels.data?.channels ?? []} canWrite={canWriteChannels} />
        {rules.error ? <ErrorState error={rules.error} /> : null}
        {creating ? <RuleForm project={project} available={available} channels={channels.data?.channels ?? []} onCreated={() => setCreating(false)} /> : null}
        <Card>
          <CardHeader
            title="Rules"
            description="Evaluated every 30 s over windows that end a little before now"
            actions={canWrite ? <Button variant={creating ? "default" : "primary"} onClick={() => setCreating((c) => !c)}>{creating ? "Cancel" : "New rule"}</Button> : null}
          />
          <RulesTable project={project} rules={rules.data?.rules ?? []} canWrite={canWrite} />
        </Card>
      </main>
    </>
  );
}
