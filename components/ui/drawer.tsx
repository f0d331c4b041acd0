"use client";

import { useEffect, useRef } from "react";
import { useFocusTrap } from "./focus-trap";

/**
 * Right-hand side panel, full-screen on phones. Escape or the backdrop closes it; focus stays
 * inside while open and returns to the opener on close.
 */
export function Drawer({ open, onClose, title, label, children }: { open: boolean; onClose: () => void; title: React.ReactNode; label?: string; children: React.ReactNode }) {
  const panel = useRef<HTMLElement>(null);
  useFocusTrap(panel, open);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-40 flex justify-end">
      <div aria-hidden className="absolute inset-0 bg-black/40" onClick={onClose} />
      <aside
        ref={panel}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-label={label ?? (typeof title === "string" ? title : "Details")}
        className="relative z-10 flex h-full w-full flex-col bg-surface shadow-2xl outline-none sm:max-w-2xl sm:border-l sm:border-border"
      >
        <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-2.5">
          <div className="min-w-0 truncate text-sm font-semibold">{title}</div>
          <button type="button" onClick={onClose} className="shrink-0 rounded px-2 py-1 text-muted hover:bg-surface-2 hover:text-fg" aria-label="Close details">
            ✕
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto p-4">{children}</div>
      </aside>
    </div>
  );
}
