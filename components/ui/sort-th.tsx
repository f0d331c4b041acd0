import { cn } from "./cn";
import { Th } from "./table";

export interface SortState {
  sort: string;
  dir: "asc" | "desc";
  onSort: (key: string) => void;
}

/** A column header that sorts by `k`; announces the current order to screen readers. */
export function SortTh({ k, label, s, align = "right" }: { k: string; label: string; s: SortState; align?: "left" | "right" }) {
  const active = s.sort === k;
  return (
    <Th align={align} aria-sort={active ? (s.dir === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" onClick={() => s.onSort(k)} className={cn("uppercase tracking-wide hover:text-fg", active && "text-fg")}>
        {label}
        {active ? (s.dir === "asc" ? " ↑" : " ↓") : ""}
      </button>
    </Th>
  );
}
