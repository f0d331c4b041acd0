"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { createSilence, type Silence } from "@/lib/queries/alerts";

const DURATIONS = [["3600000", "1 hour"], ["14400000", "4 hours"], ["86400000", "24 hours"], ["604800000", "7 days"]];

/** Mutes this incident or its whole rule until a time, with a reason (evaluation goes on). */
export function SilenceForm({ project, incidentId, ruleId }: { project: string | null; incidentId: number; ruleId: number }) {
  const [target, setTarget] = useState<"incident" | "rule">("incident");
  const [duration, setDuration] = useState(DURATIONS[0][0]);
  const [reason, setReason] = useState("");
  const silence = useMutation({
    mutationFn: (endsAt: number) => createSilence(project, { ...(target === "incident" ? { incidentId } : { ruleId }), endsAt, reason }),
  });
  if (silence.data) return <Silenced silence={silence.data} />;
  return (
    <form
      aria-label="Silence"
      className="flex flex-wrap items-center gap-2 text-xs"
      onSubmit={(e) => {
        e.preventDefault();
        silence.mutate(Date.now() + Number(duration));
      }}
    >
      <span className="text-muted">Silence</span>
      <Select aria-label="Silence what" value={target} onChange={(e) => setTarget(e.target.value as typeof target)}>
        <option value="incident">this incident</option>
        <option value="rule">the whole rule</option>
      </Select>
      <Select aria-label="For how long" value={duration} onChange={(e) => setDuration(e.target.value)}>
        {DURATIONS.map(([v, l]) => <option key={v} value={v}>for {l}</option>)}
      </Select>
      <Input aria-label="Reason" required value={reason} onChange={(e) => setReason(e.target.value)} placeholder="reason" className="w-48" />
      <Button type="submit" disabled={silence.isPending}>Silence</Button>
      {silence.error ? <span role="alert" className="text-bad">{silence.error.message}</span> : null}
    </form>
  );
}

function Silenced({ silence }: { silence: Silence }) {
  return <p className="text-xs text-muted">Silenced until {new Date(silence.endsAt).toISOString().replace("T", " ").slice(0, 16)} UTC: {silence.reason}</p>;
}
