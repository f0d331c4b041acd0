"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateChannelSchema } from "@/lib/alerts/channels/channel-schema";
import { fieldErrorsOf, fieldErrorsOfError, splitErrors, type FieldErrors } from "@/lib/forms/field-errors";
import { updateChannel, type AlertChannel } from "@/lib/queries/alerts";
import { queryKeys } from "@/lib/queries/keys";

const FIELDS = ["name", "url", "routingKey", "enabled"];

/**
 * Renames, re-points or disables a channel. The API never shows a channel's URL or routing key
 * (a Slack webhook URL is itself a credential), so those inputs start empty and only a value
 * typed in replaces the stored one.
 */
export function ChannelEditForm({ project, channel, onDone }: { project: string | null; channel: AlertChannel; onDone: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState(channel.name);
  const [url, setUrl] = useState("");
  const [routingKey, setRoutingKey] = useState("");
  const [enabled, setEnabled] = useState(channel.enabled);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLInputElement>("input")?.focus(), []);
  const save = useMutation({
    mutationFn: (patch: unknown) => updateChannel(project, channel.id, patch),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.alertChannels(project) });
      onDone();
    },
  });
  const { byField, other } = splitErrors({ ...fieldErrorsOfError(save.error), ...clientErrors }, FIELDS);
  const id = (f: string) => `channel-${channel.id}-${f}`;
  const pagerduty = channel.type === "pagerduty";
  return (
    <Card>
      <CardHeader title={`Edit channel: ${channel.name}`} description={`${channel.type} · now sending to ${channel.destination ?? "—"}`} />
      <CardBody>
        <form
          ref={form}
          noValidate
          aria-label="Edit channel"
          className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault();
            const patch = { name, ...(url.trim() ? { url: url.trim() } : {}), ...(pagerduty && routingKey.trim() ? { routingKey: routingKey.trim() } : {}), ...(enabled !== channel.enabled ? { enabled } : {}) };
            const parsed = updateChannelSchema.safeParse(patch);
            if (!parsed.success) {
              const errors = fieldErrorsOf(parsed.error.issues);
              setClientErrors(errors);
              save.reset();
              e.currentTarget.querySelector<HTMLElement>(`#${id(Object.keys(errors)[0])}`)?.focus();
              return;
            }
            setClientErrors({});
            save.mutate(parsed.data);
          }}
        >
          <Field id={id("name")} label="Name" error={byField.name}>
            {(p) => <Input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field id={id("url")} label={pagerduty ? "Events API URL" : "URL"} error={byField.url} className="sm:col-span-2">
            {(p) => <Input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder={`unchanged (${channel.destination ?? "default"}/…)`} />}
          </Field>
          {pagerduty ? (
            <Field id={id("routingKey")} label="Routing key" error={byField.routingKey}>
              {(p) => <Input {...p} value={routingKey} onChange={(e) => setRoutingKey(e.target.value)} placeholder="unchanged" autoComplete="off" />}
            </Field>
          ) : null}
          <label className="flex items-center gap-1.5 self-end pb-1.5 text-xs">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            Enabled{!channel.enabled && channel.disabledReason ? <span className="text-muted">(disabled: {channel.disabledReason})</span> : null}
          </label>
          <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
            <Button type="submit" variant="primary" disabled={save.isPending}>Save channel</Button>
            <Button onClick={onDone}>Cancel</Button>
            {other.length > 0 ? <span role="alert" className="text-xs text-bad">{other.join("; ")}</span> : null}
            {save.error && other.length === 0 && Object.keys(byField).length === 0 ? <span role="alert" className="text-xs text-bad">{save.error.message}</span> : null}
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
