"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { PriceForm } from "@/components/spend/price-form";
import { PricesTable } from "@/components/spend/prices-table";
import { RepriceStatus } from "@/components/spend/reprice-status";
import { UnpricedModels } from "@/components/spend/unpriced-models";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Label } from "@/components/ui/input";
import { createPrice, deletePrice, pricesQuery, repriceJobQuery, requestReprice, UNPRICED_WINDOW_MS, unpricedModelsQuery, type PriceForm as PriceFormValues } from "@/lib/queries/prices";

export function PricesClient({ project, canManage }: { project: string | null; canManage: boolean }) {
  const qc = useQueryClient();
  const prices = useQuery(pricesQuery(project));
  const unpriced = useQuery(unpricedModelsQuery(project));
  const [picked, setPicked] = useState<string | undefined>();
  const [jobId, setJobId] = useState<number | null>(null);
  const [repriceModel, setRepriceModel] = useState("");
  const job = useQuery({ ...repriceJobQuery(project, jobId ?? 0), enabled: jobId !== null });
  const refresh = () => qc.invalidateQueries({ queryKey: ["prices", project] });

  const add = useMutation({ mutationFn: (v: PriceFormValues) => createPrice(project, v), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: number) => deletePrice(project, id), onSuccess: refresh });
  const reprice = useMutation({
    mutationFn: () => {
      const to = Date.now();
      return requestReprice(project, { from: to - UNPRICED_WINDOW_MS, to, model: repriceModel.trim() || undefined });
    },
    onSuccess: (r) => setJobId(r.job.id),
  });
  const jobDone = job.data?.job.status === "done";
  useEffect(() => {
    if (!jobDone) return;
    // Stored costs changed: every table and chart reading metrics must refetch.
    void qc.invalidateQueries({ queryKey: ["prices", project, "unpriced"] });
    void qc.invalidateQueries({ queryKey: ["metrics", project] });
    void qc.invalidateQueries({ queryKey: ["overview", project] });
  }, [jobDone, jobId, project, qc]);

  return (
    <>
      <PageHeader title="Price book" subtitle="USD per 1M tokens · custom prices override the shipped list prices" timeControls={false} />
      <main className="flex flex-col gap-4 p-5">
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <Card>
            <CardHeader title="Unpriced models" description="Calls of the last 7 days with tokens but no price" />
            <CardBody>
              {unpriced.error ? <ErrorState error={unpriced.error} /> : <UnpricedModels models={unpriced.data ?? []} onPick={canManage ? setPicked : undefined} />}
            </CardBody>
          </Card>
          {canManage ? (
            <Card>
              <CardHeader title="Re-price" description="Recompute stored costs of the last 7 days at the current price book" />
              <CardBody className="flex flex-col gap-3">
                <div className="flex flex-wrap items-end gap-2">
                  <Label className="min-w-48 flex-1">
                    Model (optional: all when empty)
                    <Input value={repriceModel} onChange={(e) => setRepriceModel(e.target.value)} placeholder="all models" />
                  </Label>
                  <Button variant="primary" onClick={() => reprice.mutate()} disabled={reprice.isPending}>
                    Re-price last 7 days
                  </Button>
                </div>
                {reprice.error ? <ErrorState error={reprice.error} /> : null}
                {job.data ? <RepriceStatus job={job.data.job} /> : null}
              </CardBody>
            </Card>
          ) : null}
        </div>
        {canManage ? (
          <Card>
            <CardHeader title="Add a price" description="Applies to calls ingested from now on; re-price to apply it to stored calls" />
            <CardBody>
              <PriceForm key={picked} initialModel={picked} busy={add.isPending} error={add.error ? add.error.message : null} onSubmit={(v) => add.mutate(v)} />
              {add.isSuccess ? <p className="mt-2 text-xs text-ok">Saved price for {add.data.price.model}.</p> : null}
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Prices" description="A call takes its project's own price before a shipped one; exact before prefix before pattern" />
          {prices.error ? <ErrorState error={prices.error} /> : <PricesTable prices={prices.data?.data ?? []} onDelete={canManage ? (p) => p.id !== null && remove.mutate(p.id) : undefined} />}
        </Card>
      </main>
    </>
  );
}
