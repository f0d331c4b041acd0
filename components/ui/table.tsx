import { cn } from "./cn";
import { ScrollArea } from "./scroll-area";

/** A table that scrolls inside its card when it is wider than the screen. */
export function Table({ className, ...props }: React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <ScrollArea label={props["aria-label"]}>
      <table className={cn("w-full border-collapse text-xs tabular", className)} {...props} />
    </ScrollArea>
  );
}

export function Th({ className, align = "left", ...props }: React.ThHTMLAttributes<HTMLTableCellElement> & { align?: "left" | "right" }) {
  return (
    <th
      scope="col"
      className={cn(
        "sticky top-0 border-b border-border bg-surface px-3 py-1.5 text-[11px] font-medium uppercase tracking-wide text-muted whitespace-nowrap",
        align === "right" ? "text-right" : "text-left",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, align = "left", ...props }: React.TdHTMLAttributes<HTMLTableCellElement> & { align?: "left" | "right" }) {
  return <td className={cn("border-b border-border/60 px-3 py-1.5 whitespace-nowrap", align === "right" && "text-right", className)} {...props} />;
}

export function Tr({ className, ...props }: React.HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("hover:bg-surface-2/60", className)} {...props} />;
}
