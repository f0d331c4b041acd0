"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "./cn";

/**
 * Scrolls its content sideways (a wide table on a phone) instead of the page. Only while the
 * content overflows it is a tab stop, so keyboard users can scroll it with the arrow keys
 * without an extra stop on every table that fits.
 */
export function ScrollArea({ label, className, children }: { label?: string; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={cn("overflow-x-auto focus-visible:outline-2 focus-visible:outline-accent", className)}
      tabIndex={overflows ? 0 : undefined}
      role={overflows ? "region" : undefined}
      aria-label={overflows ? (label ?? "Scrollable table") : undefined}
    >
      {children}
    </div>
  );
}
