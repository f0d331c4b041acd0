import { cn } from "./cn";

export const fieldClass =
  "h-7 rounded-md border border-border bg-surface px-2 text-xs text-fg placeholder:text-muted focus:outline-none focus:ring-1 focus:ring-accent";

export function Input({ className, ...props }: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(fieldClass, className)} {...props} />;
}

export function Select({ className, ...props }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(fieldClass, "pr-6", className)} {...props} />;
}

export function Label({ className, ...props }: React.LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn("flex flex-col gap-1 text-[11px] font-medium text-muted", className)} {...props} />;
}
