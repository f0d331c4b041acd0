"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { metricFormatter } from "@/lib/alerts/charts/format-metric";
import { prepareThresholdChart } from "@/lib/alerts/charts/prepare-threshold-chart";
import { draftToBody, draftToPatch, EMPTY_DRAFT, ruleFieldOf, ruleToDraft, validateDraft, type RuleDraft } from "@/lib/alerts/rules/rule-draft";
import { fieldErrorsOfError, splitErrors, type FieldErrors } from "@/lib/forms/field-errors";
import { backtestRule, createRule, updateRule, type AlertChannel, type AlertRule } from "@/lib/queries/alerts";
import { queryKeys } from "@/lib/queries/keys";
import { RuleFormFields } from "./rule-form-fields";

const ThresholdChart = dynamic(() => import("./threshold-chart"), { ssr: false, loading: () => <Skeleton className="h-[220px]" /> });

const FORM_FIELDS = Object.keys(EMPTY_DRAFT);

/**
 * New-rule form, and the same form prefilled to edit a saved rule, with a live 7-day backtest of
 * the draft: thresholds drawn, would-be incidents shaded.
 */
export function RuleForm({ project, available, channels, rule, onDone }: { project: string | null; available: string[]; channels: AlertChannel[]; rule?: AlertRule; onDone: () => void }) {
  const qc = useQueryClient();
  const editing = rule !== undefined;
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? ruleToDraft(rule) : EMPTY_DRAFT));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // An edited field's old error no longer describes it.
    setClientErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Opened from a table button: put the keyboard user in the form, not back at the top of the page.
    first.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, []);
  const body = useDeferredValue(draftToBody(draft));
  const backtest = useQuery({
    queryKey: ["alerts", project, "backtest", body],
    queryFn: () => backtestRule(project, body),
    enabled: body !== null && available.includes(draft.metric),
    staleTime: 60_000,
    retry: false,
  });
  const save = useMutation({
    mutationFn: (valid: Record<string, unknown>) => (rule ? updateRule(project, rule.id, draftToPatch(draft) ?? valid) : createRule(project, valid)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.alertRules(project) });
      onDone();
    },
  });
  const serverErrors = Object.fromEntries(Object.entries(fieldErrorsOfError(save.error)).map(([p, m]) => [ruleFieldOf(p), m]));
  const { byField, other } = splitErrors({ ...serverErrors, ...clientErrors }, FORM_FIELDS);
  const format = metricFormatter(draft.metric, draft.relative !== "");
  const chart = backtest.data && body
    ? prepareThresholdChart({ ...backtest.data, threshold: body.threshold as number, warningThreshold: (body.warningThreshold as number) ?? null, recoveryThreshold: (body.recoveryThreshold as number) ?? null, to: backtest.data.to })
    : null;
  const idPrefix = rule ? `rule-${rule.id}` : "rule-new";

  return (
    <Card>
      <CardHeader
        title={rule ? `Edit rule: ${rule.name}` : "New rule"}
        description="Fires when the metric over the window crosses the threshold; the chart replays the draft over the last 7 days."
      />
      <CardBody className="flex flex-col gap-3">
        <form
          ref={first}
          noValidate
          className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4"
          aria-label={editing ? "Edit alert rule" : "New alert rule"}
          onSubmit={(e) => {
            e.preventDefault();
            const checked = validateDraft(draft);
            if (!checked.ok) {
              setClientErrors(checked.errors);
              save.reset();
              // Focus the first field in error so a keyboard or screen-reader user lands on it.
              const firstBad = Object.keys(checked.errors)[0];
              e.currentTarget.querySelector<HTMLElement>(`#${idPrefix}-${firstBad}`)?.focus();
              return;
            }
            setClientErrors({});
            save.mutate(checked.body);
          }}
        >
          <RuleFormFields idPrefix={idPrefix} draft={draft} set={set} errors={byField} available={available} channels={channels} />
          <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
            <Button type="submit" variant="primary" disabled={save.isPending}>{editing ? "Save changes" : "Create rule"}</Button>
            {editing ? <Button onClick={onDone}>Cancel</Button> : null}
            {save.error && other.length === 0 && Object.keys(byField).length === 0 ? <span role="alert" className="text-xs text-bad">{save.error.message}</span> : null}
            {other.length > 0 ? <span role="alert" className="text-xs text-bad">{other.join("; ")}</span> : null}
            {Object.keys(byField).length > 0 ? <span role="alert" className="text-xs text-bad">Check the highlighted fields.</span> : null}
          </div>
        </form>
        <section aria-label="Backtest" className="flex flex-col gap-1">
          <h3 className="text-[12px] font-semibold">Last 7 days {backtest.data ? `· ${backtest.data.incidents.length} incident${backtest.data.incidents.length === 1 ? "" : "s"} would have opened` : ""}</h3>
          {body === null ? <p className="text-xs text-muted">Enter a threshold to see how this rule would have behaved.</p> : null}
          {backtest.error ? <ErrorState error={backtest.error} /> : null}
          {backtest.isFetching && !chart ? <Skeleton className="h-[220px]" /> : null}
          {chart ? <div data-testid="backtest-chart"><ThresholdChart chart={chart} format={format} /></div> : null}
        </section>
      </CardBody>
    </Card>
  );
}
