"use client";

import { forwardRef } from "react";
import { cn } from "@/components/ui/cn";
import { fieldClass } from "@/components/ui/input";
import type { Rubric, RubricField, RubricValue, RubricValues } from "@/lib/review/rubric";
import { fieldOptions, optionLabel } from "./rubric-keys";

/**
 * The rubric as a form. Rendering only: the keyboard map lives in rubric-keys.ts and the page owns
 * focus and values. Each field is a focusable group; options show the digit that picks them.
 */
export function RubricForm({ rubric, values, focus, onFocus, onChange, fieldRefs }: {
  rubric: Rubric;
  values: RubricValues;
  focus: number;
  onFocus: (index: number) => void;
  onChange: (key: string, value: RubricValue | undefined) => void;
  fieldRefs: React.RefObject<(HTMLElement | null)[]>;
}) {
  return (
    <div className="flex flex-col gap-2" data-testid="rubric-form">
      {rubric.map((f, i) => (
        <RubricFieldRow
          key={f.key}
          field={f}
          value={values[f.key]}
          active={i === focus}
          onFocus={() => onFocus(i)}
          onChange={(v) => onChange(f.key, v)}
          ref={(el) => { fieldRefs.current[i] = el; }}
        />
      ))}
    </div>
  );
}

const RubricFieldRow = forwardRef<HTMLElement, {
  field: RubricField;
  value: RubricValue | undefined;
  active: boolean;
  onFocus: () => void;
  onChange: (v: RubricValue | undefined) => void;
}>(function RubricFieldRow({ field, value, active, onFocus, onChange }, ref) {
  const options = fieldOptions(field);
  const label = `${field.label ?? field.key}${field.required ? " *" : ""}`;
  return (
    <div
      className={cn("rounded-md border px-3 py-2 transition-colors", active ? "border-accent bg-accent/5" : "border-border")}
      data-active={active || undefined}
      data-field={field.key}
      onMouseDown={onFocus}
    >
      <div className="mb-1.5 flex items-center justify-between text-xs font-medium">
        <span id={`field-${field.key}`}>{label}</span>
        {field.type === "numeric" && (field.min !== undefined || field.max !== undefined) ? (
          <span className="text-[11px] text-muted">{field.min ?? "−∞"} – {field.max ?? "∞"}</span>
        ) : null}
      </div>
      {options ? (
        <div
          role="radiogroup"
          aria-labelledby={`field-${field.key}`}
          tabIndex={0}
          ref={ref as React.Ref<HTMLDivElement>}
          onFocus={onFocus}
          className="flex flex-wrap gap-1.5 rounded outline-none focus-visible:ring-1 focus-visible:ring-accent"
        >
          {options.map((o, i) => (
            <button
              key={String(o)}
              type="button"
              role="radio"
              aria-checked={value === o}
              tabIndex={-1}
              onClick={() => onChange(value === o ? undefined : o)}
              className={cn(
                "inline-flex h-7 items-center gap-1.5 rounded-md border px-2 text-xs",
                value === o ? "border-accent bg-accent text-white" : "border-border bg-surface hover:bg-surface-2",
              )}
            >
              <kbd className={cn("font-mono text-[10px]", value === o ? "text-white/80" : "text-muted")}>{i + 1}</kbd>
              {optionLabel(o)}
            </button>
          ))}
        </div>
      ) : field.type === "text" ? (
        <textarea
          ref={ref as React.Ref<HTMLTextAreaElement>}
          aria-labelledby={`field-${field.key}`}
          value={typeof value === "string" ? value : ""}
          onFocus={onFocus}
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
          rows={2}
          className={cn(fieldClass, "h-auto w-full py-1.5")}
        />
      ) : (
        <input
          ref={ref as React.Ref<HTMLInputElement>}
          aria-labelledby={`field-${field.key}`}
          type="number"
          min={field.min}
          max={field.max}
          step="any"
          value={typeof value === "number" ? value : ""}
          onFocus={onFocus}
          onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
          className={cn(fieldClass, "w-32")}
        />
      )}
    </div>
  );
});
