import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { shippedPatternLabel } from "@/lib/pricing/default-prices";
import type { PriceView } from "@/lib/queries/prices";

const rate = (v: number | null) => (v === null ? <span className="text-muted">—</span> : `$${v}`);

/** The price book: custom prices (removable by admins) above the shipped defaults. */
export function PricesTable({ prices, onDelete }: { prices: PriceView[]; onDelete?: (p: PriceView) => void }) {
  return (
    <Table aria-label="Prices">
      <thead>
        <tr>
          <Th>Model</Th>
          <Th>Source</Th>
          <Th align="right">Input</Th>
          <Th align="right">Cache read</Th>
          <Th align="right">Cache write</Th>
          <Th align="right">Output</Th>
          <Th align="right">Reasoning</Th>
          <Th>Tiers</Th>
          <Th>From</Th>
          {onDelete ? <Th /> : null}
        </tr>
      </thead>
      <tbody>
        {prices.map((p, i) => (
          <Tr key={p.id ?? `default-${i}`}>
            <Td className="max-w-[22rem] truncate font-mono" title={p.model}>
              {p.scope === "default" ? shippedPatternLabel(p.model) : p.model}{" "}
              <span className="text-muted">({p.scope === "default" ? "pattern, any prefix or date suffix" : p.match}{p.provider ? `, ${p.provider}` : ""})</span>
            </Td>
            <Td>{p.scope === "default" ? <Badge tone="neutral">shipped</Badge> : <Badge tone="accent">{p.scope}</Badge>}</Td>
            <Td align="right">{rate(p.inputPerMTok)}</Td>
            <Td align="right">{rate(p.cacheReadPerMTok)}</Td>
            <Td align="right">{rate(p.cacheWritePerMTok)}</Td>
            <Td align="right">{rate(p.outputPerMTok)}</Td>
            <Td align="right">{rate(p.reasoningPerMTok)}</Td>
            <Td className="text-muted">{p.tiers.map((t) => `>${t.aboveInputTokens / 1000}k`).join(", ") || "—"}</Td>
            <Td className="text-muted">{p.effectiveFrom?.slice(0, 10) ?? "always"}</Td>
            {onDelete ? (
              <Td>
                {p.id !== null ? (
                  <Button variant="ghost" aria-label={`Remove price for ${p.model}`} onClick={() => onDelete(p)}>
                    Remove
                  </Button>
                ) : null}
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
