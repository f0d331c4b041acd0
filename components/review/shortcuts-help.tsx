import { SHORTCUTS } from "./rubric-keys";

/** The keyboard map, always on screen in short form and in full behind "?". */
export function ShortcutsBar() {
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-[11px] text-muted" data-testid="shortcuts-bar">
      {SHORTCUTS.map((s) => (
        <span key={s.keys}>
          <kbd className="rounded border border-border bg-surface-2 px-1 font-mono">{s.keys}</kbd> {s.does.split(" (")[0]}
        </span>
      ))}
    </p>
  );
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" className="fixed inset-0 z-40 flex items-center justify-center bg-black/40" onClick={onClose}>
      <div className="w-96 max-w-[90vw] rounded-lg border border-border bg-surface p-4 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <h2 className="mb-2 text-sm font-semibold">Keyboard shortcuts</h2>
        <table className="w-full text-xs">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys} className="border-t border-border">
                <td className="py-1.5 pr-3 font-mono whitespace-nowrap">{s.keys}</td>
                <td className="py-1.5 text-muted">{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-[11px] text-muted">Press ? or Esc to close.</p>
      </div>
    </div>
  );
}
