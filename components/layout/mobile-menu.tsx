"use client";

import { useEffect, useId, useRef, useState } from "react";

/**
 * Below the md breakpoint the sidebar folds into a top bar with a menu button; the panel
 * closes when a link in it is followed and on Escape, and gives focus back to the button.
 */
export function MobileMenu({ brand, children }: { brand: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="sticky top-0 z-30 border-b border-border bg-surface md:hidden">
      <div className="flex h-11 items-center justify-between px-3">
        <div className="flex items-center gap-2">{brand}</div>
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="flex h-8 items-center gap-1.5 rounded-md border border-border px-2.5 text-xs font-medium text-fg"
        >
          <svg viewBox="0 0 24 24" className="size-4" aria-hidden fill="none" stroke="currentColor" strokeWidth="2">
            <path d={open ? "M6 6l12 12M18 6L6 18" : "M4 7h16M4 12h16M4 17h16"} />
          </svg>
          Menu
        </button>
      </div>
      <div
        id={id}
        hidden={!open}
        // A followed link closes the menu; the page under it is what was asked for.
        onClick={(e) => (e.target as HTMLElement).closest("a") && setOpen(false)}
        className="flex-col border-t border-border px-2 pb-3 pt-2 [&:not([hidden])]:flex"
      >
        {children}
      </div>
    </div>
  );
}
