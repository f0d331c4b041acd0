"use client";

import { useRef, useState } from "react";
import { Button } from "./button";

/**
 * A button that asks before it acts, in a native modal `<dialog>`: the browser traps focus,
 * Escape cancels, and focus returns to the button. Cancel has the focus first, so Enter on a
 * stray key press never deletes anything.
 */
export function ConfirmButton({ label, ariaLabel, title, body, confirmLabel, onConfirm }: { label: string; ariaLabel?: string; title: string; body: React.ReactNode; confirmLabel: string; onConfirm: () => Promise<unknown> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <Button variant="ghost" aria-label={ariaLabel} onClick={() => { setError(null); dialog.current?.showModal(); }}>{label}</Button>
      <dialog ref={dialog} aria-label={title} className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface p-4 text-xs text-fg backdrop:bg-black/40">
        <h2 className="text-[13px] font-semibold">{title}</h2>
        <div className="mt-1 text-muted">{body}</div>
        {error ? <p role="alert" className="mt-2 text-bad">{error}</p> : null}
        <div className="mt-3 flex justify-end gap-2">
          <Button autoFocus onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              try {
                await onConfirm();
                close();
              } catch (e) {
                setError(e instanceof Error ? e.message : String(e));
              } finally {
                setPending(false);
              }
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
