import { cn } from "./cn";
import { FieldError } from "./field-error";

export interface FieldControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A labelled control with its error right under it. The label is a real `<label for>` and the
 * error is outside it, so the control's accessible name stays the label while the error is read
 * as its description.
 */
export function Field({ id, label, error, className, children }: { id: string; label: React.ReactNode; error?: string; className?: string; children: (control: FieldControlProps) => React.ReactNode }) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={id} className="text-[11px] font-medium text-muted">{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
