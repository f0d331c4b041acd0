"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { uploadReferenceCsv } from "@/lib/queries/models";

/** Sets an uploaded CSV (header of feature names, optional `prediction` column) as the drift baseline. */
export function ReferenceUpload({ project, model, version }: { project: string | null; model: string; version?: string }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [status, setStatus] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      await uploadReferenceCsv(project, model, name || file.name.replace(/\.csv$/i, ""), await file.text(), version);
      setStatus({ tone: "ok", text: `Baseline set${version ? ` for version ${version}` : ""}.` });
      await qc.invalidateQueries({ queryKey: ["models", project, model] });
    } catch (err) {
      setStatus({ tone: "bad", text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2 text-xs" aria-label="Upload a reference dataset">
      <span className="text-muted">Reference dataset (CSV):</span>
      <input type="file" accept=".csv,text/csv" aria-label="CSV file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="max-w-56 text-xs" />
      <Input aria-label="Dataset name" placeholder="name, e.g. train-2026-11" value={name} onChange={(e) => setName(e.target.value)} className="w-48" />
      <Button type="submit" disabled={!file || busy}>
        {busy ? "Uploading…" : "Use as baseline"}
      </Button>
      {status ? <span role="status" className={status.tone === "ok" ? "text-ok" : "text-bad"}>{status.text}</span> : null}
    </form>
  );
}
