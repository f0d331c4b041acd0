import { cn } from "./cn";

type Variant = "default" | "primary" | "ghost";

const VARIANTS: Record<Variant, string> = {
  default: "border border-border bg-surface hover:bg-surface-2 text-fg",
  primary: "bg-accent text-white dark:text-bg hover:opacity-90 border border-transparent",
  ghost: "text-muted hover:text-fg hover:bg-surface-2 border border-transparent",
};

export function buttonClass(variant: Variant = "default", size: "sm" | "md" = "sm"): string {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:opacity-50 disabled:pointer-events-none focus-visible:outline-2 focus-visible:outline-accent",
    size === "sm" ? "h-7 px-2.5 text-xs" : "h-9 px-4 text-sm",
    VARIANTS[variant],
  );
}

export function Button({
  variant,
  size,
  className,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" }) {
  return <button type="button" className={cn(buttonClass(variant, size), className)} {...props} />;
}
