"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/forms/field-errors";
import { EMPTY_RUBRIC_FIELD, queueFieldId, type RubricFieldDraft } from "@/lib/review/queue-draft";
import { RUBRIC_FIELD_TYPES } from "@/lib/review/rubric";

const TYPE_LABELS: Record<string, string> = { boolean: "yes / no", categorical: "one of several options", numeric: "number", text: "free text" };

/** The rubric's fields, one fieldset each, with add / remove; errors keyed `rubric.<i>.<field>`. */
export function RubricEditor({ fields, onChange, errors }: { fields: RubricFieldDraft[]; onChange: (fields: RubricFieldDraft[]) => void; errors: FieldErrors }) {
  const update = (i: number, patch: Partial<RubricFieldDraft>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors.rubric ? `${queueFieldId("rubric")}-error` : undefined}>
      <legend className="mb-1 text-[12px] font-semibold">Rubric</legend>
      <p className="text-xs text-muted">What a reviewer fills in for every item. Keys name export columns and agreement rows; once verdicts exist a field can be relabelled or gain options but not be removed or change type.</p>
      {fields.map((f, i) => {
        const path = (k: string) => `rubric.${i}.${k}`;
        const name = f.label || f.key || `field ${i + 1}`;
        return (
          <fieldset key={i} className="grid grid-cols-1 gap-2 rounded-md border border-border p-2 sm:grid-cols-2 lg:grid-cols-6">
            <legend className="px-1 text-[11px] font-medium">Field {i + 1}</legend>
            <Field id={queueFieldId(path("key"))} label="Key" error={errors[path("key")]}>
              {(p) => <Input {...p} required value={f.key} onChange={(e) => update(i, { key: e.target.value })} placeholder="hallucination" />}
            </Field>
            <Field id={queueFieldId(path("label"))} label="Label" error={errors[path("label")]} className="lg:col-span-2">
              {(p) => <Input {...p} value={f.label} onChange={(e) => update(i, { label: e.target.value })} placeholder="Hallucination?" />}
            </Field>
            <Field id={queueFieldId(path("type"))} label="Type" error={errors[path("type")]}>
              {(p) => (
                <Select {...p} value={f.type} onChange={(e) => update(i, { type: e.target.value as RubricFieldDraft["type"] })}>
                  {RUBRIC_FIELD_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
                </Select>
              )}
            </Field>
            {f.type === "categorical" ? (
              <Field id={queueFieldId(path("options"))} label="Options (comma-separated)" error={errors[path("options")]} className="sm:col-span-2">
                {(p) => <Input {...p} value={f.options} onChange={(e) => update(i, { options: e.target.value })} placeholder="low, medium, high" />}
              </Field>
            ) : null}
            {f.type === "numeric" ? (
              <>
                <Field id={queueFieldId(path("min"))} label="Minimum" error={errors[path("min")]}>
                  {(p) => <Input {...p} inputMode="decimal" value={f.min} onChange={(e) => update(i, { min: e.target.value })} placeholder="none" />}
                </Field>
                <Field id={queueFieldId(path("max"))} label="Maximum" error={errors[path("max")]}>
                  {(p) => <Input {...p} inputMode="decimal" value={f.max} onChange={(e) => update(i, { max: e.target.value })} placeholder="none" />}
                </Field>
              </>
            ) : null}
            <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-6">
              <label className="flex items-center gap-1.5 pb-1.5 text-xs">
                <input type="checkbox" checked={f.required} onChange={(e) => update(i, { required: e.target.checked })} />
                Required
              </label>
              <Button variant="ghost" onClick={() => onChange(fields.filter((_, j) => j !== i))} aria-label={`Remove rubric field ${name}`}>Remove field</Button>
            </div>
          </fieldset>
        );
      })}
      {errors.rubric ? <span id={`${queueFieldId("rubric")}-error`} className="text-[11px] text-bad">{errors.rubric}</span> : null}
      <div>
        <Button onClick={() => onChange([...fields, { ...EMPTY_RUBRIC_FIELD, required: false }])} disabled={fields.length >= 20}>Add rubric field</Button>
      </div>
    </fieldset>
  );
}
