"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { fieldClass, Input, Select } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { fieldErrorsOfError, splitErrors, type FieldErrors } from "@/lib/forms/field-errors";
import { EMPTY_QUEUE_DRAFT, queueFieldId, queueFormFields, queueToDraft, validateQueueDraft, type QueueDraft } from "@/lib/review/queue-draft";
import type { QueueView } from "@/lib/review/schemas";
import { createQueue, updateQueue } from "@/lib/queries/review";
import { RubricEditor } from "./rubric-editor";

const ROUTING_TEXT: [keyof QueueDraft, string, string][] = [
  ["model", "Model", "any"], ["modelVersion", "Model version", "any"], ["promptId", "Prompt", "any"], ["promptVersion", "Prompt version", "any"], ["environment", "Environment", "any"],
];

/** Creates a review queue, or edits one (prefilled, PATCH); engineers and admins only (the page checks). */
export function QueueForm({ project, queue }: { project: string | null; queue?: QueueView }) {
  const router = useRouter();
  const mode = queue ? "edit" : "create";
  const [draft, setDraft] = useState<QueueDraft>(() => (queue ? queueToDraft(queue) : EMPTY_QUEUE_DRAFT));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<QueueDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const qs = project ? `?project=${encodeURIComponent(project)}` : "";
  const save = useMutation({
    mutationFn: (body: unknown) => (queue ? updateQueue(project, queue.id, body) : createQueue(project, body)),
    onSuccess: () => {
      router.push(`/review${qs}`);
      router.refresh();
    },
  });
  const { byField, other } = splitErrors({ ...fieldErrorsOfError(save.error), ...clientErrors }, queueFormFields(draft));
  const text = (key: keyof QueueDraft, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, path: string = key, className?: string) => (
    <Field id={queueFieldId(path)} label={label} error={byField[path]} className={className}>
      {(p) => <Input {...p} {...extra} value={draft[key] as string} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );
  const area = (key: "description" | "instructions" | "assignees", label: string, placeholder: string, className?: string) => (
    <Field id={queueFieldId(key)} label={label} error={byField[key]} className={className}>
      {(p) => <textarea {...p} rows={3} className={cn(fieldClass, "h-auto py-1.5")} value={draft[key]} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );
  return (
    <Card>
      <CardHeader title={queue ? `Edit queue: ${queue.name}` : "New review queue"} description="Routing applies to events stored from now on; add older events from the Events page." />
      <CardBody>
        <form
          noValidate
          aria-label={queue ? "Edit review queue" : "New review queue"}
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const checked = validateQueueDraft(draft, mode);
            if (!checked.ok) {
              setClientErrors(checked.errors);
              save.reset();
              // Land the keyboard user on the first field in error (errors follow the form's order).
              const first = queueFormFields(draft).find((f) => f in splitErrors(checked.errors, queueFormFields(draft)).byField);
              if (first) e.currentTarget.querySelector<HTMLElement>(`#${queueFieldId(first)}`)?.focus();
              return;
            }
            setClientErrors({});
            save.mutate(checked.body);
          }}
        >
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {text("name", "Name", { required: true, placeholder: "Support answers" }, "name", "sm:col-span-2")}
            {area("description", "Description", "What this queue is for (shown in the queue list)")}
            {area("instructions", "Instructions for reviewers", "Shown beside every item")}
          </div>
          <RubricEditor fields={draft.rubric} onChange={(rubric) => set({ rubric })} errors={byField} />
          <fieldset className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
            <legend className="mb-1 text-[12px] font-semibold">Routing</legend>
            <p className="text-xs text-muted sm:col-span-2 lg:col-span-4">Which new events enter on their own: every condition given must hold, then the sample rate keeps that share. Leave all empty to fill the queue only by hand.</p>
            <label className="flex items-center gap-1.5 self-end pb-1.5 text-xs">
              <input type="checkbox" checked={draft.flagged} onChange={(e) => set({ flagged: e.target.checked })} />
              Only events the detector flagged
            </label>
            {text("sampleRate", "Sample rate (0–1)", { inputMode: "decimal", placeholder: "all matches" }, "routing.sampleRate")}
            {ROUTING_TEXT.map(([key, label, placeholder]) => (
              <div key={key}>{text(key, label, { placeholder, ...(key === "promptVersion" ? { inputMode: "numeric" } : {}) }, `routing.${key}`)}</div>
            ))}
          </fieldset>
          <fieldset className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
            <legend className="mb-1 text-[12px] font-semibold">Reviewers</legend>
            <Field id={queueFieldId("reviewersPerItem")} label="Reviewers per item" error={byField.reviewersPerItem}>
              {(p) => (
                <Select {...p} value={draft.reviewersPerItem} onChange={(e) => set({ reviewersPerItem: e.target.value })}>
                  <option value="1">1</option><option value="2">2 (agreement measured)</option><option value="3">3</option>
                </Select>
              )}
            </Field>
            {text("goldRate", "Gold item rate (0–0.5)", { inputMode: "decimal" }, "goldRate")}
            {area("assignees", "Assigned reviewers (e-mails)", "empty: everyone with the reviewer role", "sm:col-span-2")}
            <label className="flex items-center gap-1.5 text-xs sm:col-span-2 lg:col-span-4">
              <input type="checkbox" checked={draft.correctedOutput} onChange={(e) => set({ correctedOutput: e.target.checked })} />
              Ask reviewers for a corrected output
            </label>
          </fieldset>
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" variant="primary" disabled={save.isPending}>{queue ? "Save queue" : "Create queue"}</Button>
            <Button onClick={() => router.push(`/review${qs}`)}>Cancel</Button>
            {other.length > 0 ? <span role="alert" className="text-xs text-bad">{other.join("; ")}</span> : null}
            {save.error && other.length === 0 && Object.keys(byField).length === 0 ? <span role="alert" className="text-xs text-bad">{save.error.message}</span> : null}
            {Object.keys(byField).length > 0 ? <span role="alert" className="text-xs text-bad">Check the highlighted fields.</span> : null}
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
