"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import type { BudgetForm as BudgetFormValues } from "@/lib/queries/budgets";

/** Add a budget: scope (project, end user, tag), rolling window, limit and warning threshold. */
export function BudgetForm({ busy, error, onSubmit }: { busy: boolean; error: string | null; onSubmit(v: BudgetFormValues): void }) {
  const [scope, setScope] = useState<BudgetFormValues["scope"]>("project");
  const [subject, setSubject] = useState("");
  const [window, setWindow] = useState<BudgetFormValues["window"]>("month");
  const [limit, setLimit] = useState("");
  const [warn, setWarn] = useState("80");
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    onSubmit({ scope, window, limitUsd: Number(limit), warnAt: Number(warn) / 100, ...(scope === "project" ? {} : { subject: subject.trim() }) });
  };
  return (
    <form onSubmit={submit} aria-label="Add a budget" className="flex flex-wrap items-end gap-2">
      <Label>
        For
        <Select value={scope} onChange={(e) => setScope(e.target.value as BudgetFormValues["scope"])}>
          <option value="project">the project</option>
          <option value="user">an end user</option>
          <option value="tag">a tag</option>
        </Select>
      </Label>
      {scope !== "project" ? (
        <Label>
          {scope === "user" ? "User id" : "Tag"}
          <Input required value={subject} onChange={(e) => setSubject(e.target.value)} />
        </Label>
      ) : null}
      <Label>
        Rolling window
        <Select value={window} onChange={(e) => setWindow(e.target.value as BudgetFormValues["window"])}>
          <option value="day">day</option>
          <option value="week">7 days</option>
          <option value="month">30 days</option>
        </Select>
      </Label>
      <Label>
        Limit $
        <Input required type="number" min={0.01} step="any" className="w-24" value={limit} onChange={(e) => setLimit(e.target.value)} />
      </Label>
      <Label>
        Warn at %
        <Input required type="number" min={0} max={100} className="w-16" value={warn} onChange={(e) => setWarn(e.target.value)} />
      </Label>
      <Button type="submit" variant="primary" disabled={busy}>
        Add budget
      </Button>
      {error ? (
        <p role="alert" className="w-full text-xs text-bad">
          {error}
        </p>
      ) : null}
    </form>
  );
}
