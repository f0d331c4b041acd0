import Link from "next/link";
import { cn } from "./cn";

/** A headline number; with `href` the whole card links to what the number counts. */
export function Stat({ label, value, hint, tone, href }: { label: string; value: React.ReactNode; hint?: React.ReactNode; tone?: "bad" | "warn" | "ok"; href?: string }) {
  const body = (
    <>
      {/* Wraps between words, never inside one: a word that does not fit overflows (hidden), which
          e2e/ux2.spec.ts catches by comparing scrollWidth with clientWidth. The grids give labels room. */}
      <div data-testid="stat-label" className="overflow-hidden text-[11px] font-medium uppercase tracking-wide text-muted">
        {label}
      </div>
      <div className={cn("mt-0.5 text-lg font-semibold tabular", tone === "bad" && "text-bad", tone === "warn" && "text-warn", tone === "ok" && "text-ok")}>
        {value}
      </div>
      {hint ? <div className="text-[11px] text-muted">{hint}</div> : null}
    </>
  );
  const box = "min-w-0 rounded-lg border border-border bg-surface px-3 py-2";
  return href ? (
    <Link href={href} className={cn(box, "block hover:border-accent/60 focus-visible:outline-2 focus-visible:outline-accent")}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}
