"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CardBody } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Input, Label, Select } from "@/components/ui/input";
import { createChannel } from "@/lib/queries/alerts";
import { queryKeys } from "@/lib/queries/keys";

/** Adds a Slack, webhook or PagerDuty channel; a generated webhook secret is shown once. */
export function ChannelForm({ project }: { project: string | null }) {
  const qc = useQueryClient();
  const [type, setType] = useState<"slack" | "webhook" | "pagerduty">("slack");
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [routingKey, setRoutingKey] = useState("");
  const create = useMutation({
    mutationFn: () => createChannel(project, { name, type, ...(url ? { url } : {}), ...(type === "pagerduty" ? { routingKey } : {}) }),
    onSuccess: () => {
      setName("");
      setUrl("");
      setRoutingKey("");
      void qc.invalidateQueries({ queryKey: queryKeys.alertChannels(project) });
    },
  });
  return (
    <CardBody className="flex flex-col gap-2 border-b border-border">
      <form
        aria-label="New channel"
        className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-5"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Label>Name<Input required value={name} onChange={(e) => setName(e.target.value)} placeholder="#oncall" /></Label>
        <Label>Type
          <Select aria-label="Type" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="slack">Slack</option><option value="webhook">Webhook (signed)</option><option value="pagerduty">PagerDuty</option>
          </Select>
        </Label>
        <Label className="sm:col-span-2">{type === "pagerduty" ? "Events API URL (optional)" : "URL"}
          <Input required={type !== "pagerduty"} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder={type === "slack" ? "https://hooks.slack.com/services/…" : "https://"} />
        </Label>
        {type === "pagerduty" ? <Label>Routing key<Input required value={routingKey} onChange={(e) => setRoutingKey(e.target.value)} /></Label> : null}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-5">
          <Button type="submit" variant="primary" disabled={create.isPending}>Add channel</Button>
          {create.error ? <span role="alert" className="text-xs text-bad">{create.error.message}</span> : null}
        </div>
      </form>
      {create.data?.secret ? (
        <div className="flex flex-col gap-1 text-xs">
          <span>Signing secret for <strong>{create.data.name}</strong>: copy it now, it is not shown again.</span>
          <CodeBlock label="Webhook secret">{create.data.secret}</CodeBlock>
        </div>
      ) : null}
    </CardBody>
  );
}
