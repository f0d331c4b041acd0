"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import type { PriceForm as PriceFormValues } from "@/lib/queries/prices";

const RATES = [
  ["inputPerMTok", "Input", true],
  ["outputPerMTok", "Output", true],
  ["cacheReadPerMTok", "Cache read", false],
  ["cacheWritePerMTok", "Cache write", false],
  ["reasoningPerMTok", "Reasoning", false],
] as const;

type RateKey = (typeof RATES)[number][0];

/** The "add a price" form: rates in USD per 1M tokens; empty optional rates fall back (docs/pricing.md). */
export function PriceForm({ initialModel, busy, error, onSubmit }: {
  initialModel?: string;
  busy: boolean;
  error: string | null;
  onSubmit(values: PriceFormValues): void;
}) {
  const [model, setModel] = useState(initialModel ?? "");
  const [match, setMatch] = useState<PriceFormValues["match"]>("exact");
  const [provider, setProvider] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [rates, setRates] = useState<Record<RateKey, string>>({ inputPerMTok: "", outputPerMTok: "", cacheReadPerMTok: "", cacheWritePerMTok: "", reasoningPerMTok: "" });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const values: PriceFormValues = { model: model.trim(), match, inputPerMTok: Number(rates.inputPerMTok), outputPerMTok: Number(rates.outputPerMTok) };
    for (const [key, , required] of RATES) if (!required && rates[key].trim() !== "") values[key] = Number(rates[key]);
    if (provider.trim()) values.provider = provider.trim();
    if (effectiveFrom) values.effectiveFrom = effectiveFrom;
    onSubmit(values);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Add a price">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Label className="sm:col-span-2">
          Model
          <Input required value={model} onChange={(e) => setModel(e.target.value)} placeholder="my-finetune-7b" />
        </Label>
        <Label>
          Match
          <Select value={match} onChange={(e) => setMatch(e.target.value as PriceFormValues["match"])}>
            <option value="exact">exact</option>
            <option value="prefix">prefix</option>
            <option value="regex">regex</option>
          </Select>
        </Label>
        <Label>
          Provider (optional)
          <Input value={provider} onChange={(e) => setProvider(e.target.value)} placeholder="any" />
        </Label>
        {RATES.map(([key, label, required]) => (
          <Label key={key}>
            {label} $/1M{required ? "" : " (optional)"}
            <Input
              required={required}
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              value={rates[key]}
              onChange={(e) => setRates({ ...rates, [key]: e.target.value })}
            />
          </Label>
        ))}
        <Label>
          Effective from (optional)
          <Input type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
        </Label>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-bad">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Saving…" : "Add price"}
        </Button>
      </div>
    </form>
  );
}
