import type { BenchResults } from "./run";

export interface Target {
  name: string;
  goal: string;
  value: string;
  met: boolean | null;
}

/** The issue's targets, evaluated on one run's numbers (null when the section did not run). */
export function evaluateTargets(r: BenchResults): Target[] {
  const out: Target[] = [];
  const h500 = r.http?.find((h) => h.batchSize === 500 && h.shape === "real" && !h.prestored);
  if (h500 && r.floor) {
    const ratio = h500.eventsPerSec / r.floor.floorRowsPerSec;
    out.push({ name: "HTTP ingest (500/batch, real traffic) vs floor (same events)", goal: ">= 50%", value: `${(ratio * 100).toFixed(1)}%`, met: ratio >= 0.5 });
  }
  if (h500) {
    out.push({ name: "HTTP ingest p99 (500/batch, real traffic)", goal: "<= 250 ms", value: `${h500.latencyMs.p99} ms`, met: (h500.latencyMs.p99 ?? Infinity) <= 250 });
  }
  const fullest = r.http?.filter((h) => h.batchSize === 500 && h.shape === "real").sort((a, b) => b.prestored - a.prestored)[0];
  if (h500 && fullest && fullest.prestored > 0) {
    const ratio = fullest.eventsPerSec / h500.eventsPerSec;
    out.push({ name: `HTTP ingest (500/batch, real traffic) with ${fmtCount(fullest.prestored)} stored vs empty`, goal: ">= 80%", value: `${(ratio * 100).toFixed(1)}%`, met: ratio >= 0.8 });
    out.push({ name: `HTTP ingest p99 with ${fmtCount(fullest.prestored)} stored`, goal: "<= 250 ms", value: `${fullest.latencyMs.p99} ms`, met: (fullest.latencyMs.p99 ?? Infinity) <= 250 });
  }
  const old500 = r.http?.find((h) => h.batchSize === 500 && h.shape === "old");
  if (old500 && r.floorOld) {
    const ratio = old500.eventsPerSec / r.floorOld.floorRowsPerSec;
    out.push({ name: "(old shape) HTTP ingest (500/batch) vs its floor", goal: "—", value: `${(ratio * 100).toFixed(1)}%`, met: null });
  }
  for (const o of [r.otlp, r.otlpOld, ...(r.otlpStored ?? [])]) {
    if (o) out.push({ name: `OTLP protobuf (512/batch) vs native, ${o.shape === "real" ? "random" : "old, nearly sequential"} trace ids`, goal: ">= 70%", value: `${(o.ratio * 100).toFixed(1)}%`, met: o.ratio >= 0.7 });
  }
  const stored = [...(r.http ?? []), ...[r.otlp, r.otlpOld, ...(r.otlpStored ?? [])].flatMap((o) => (o ? [o.native, o.otlp] : []))];
  if (stored.length) {
    const lost = stored.reduce((s, h) => s + Math.max(0, h.acknowledgedEvents - h.storedEvents), 0);
    out.push({ name: "Acknowledged events missing from the database", goal: "0", value: String(lost), met: lost === 0 });
  }
  const largest = r.reads?.at(-1);
  if (largest) {
    const worst = Math.max(...largest.endpoints.map((e) => e.latencyMs.p95 ?? Infinity));
    out.push({ name: `Dashboard p95, worst endpoint @ ${fmtCount(largest.seed.events)}`, goal: "<= 100 ms", value: `${worst} ms`, met: worst <= 100 });
    out.push({ name: `DB bytes/event @ ${fmtCount(largest.seed.events)}`, goal: "<= 250 B", value: `${largest.seed.bytesPerEvent} B`, met: largest.seed.bytesPerEvent <= 250 });
  }
  if (r.mixed) {
    out.push({ name: "Mixed: read p95", goal: "<= 200 ms", value: `${r.mixed.readLatencyMs.p95} ms`, met: (r.mixed.readLatencyMs.p95 ?? Infinity) <= 200 });
    out.push({ name: "Mixed: failed ingest requests", goal: "0", value: String(r.mixed.ingestFailed), met: r.mixed.ingestFailed === 0 });
  }
  const rss = Math.max(0, r.mixed?.serverPeakRssMb ?? 0, ...(r.http ?? []).map((h) => h.serverPeakRssMb), ...[r.otlp, ...(r.otlpStored ?? [])].flatMap((o) => (o ? [o.native.serverPeakRssMb, o.otlp.serverPeakRssMb] : [])));
  if (rss) out.push({ name: "Server peak RSS under load", goal: "<= 400 MB", value: `${rss} MB`, met: rss <= 400 });
  return out;
}

export function fmtCount(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

function table(title: string, head: string[], rows: (string | number | null)[][]): string {
  const cells = [head, ...rows.map((r) => r.map((c) => (c === null ? "—" : String(c))))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return `\n${title}\n${line(cells[0])}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${cells.slice(1).map(line).join("\n")}\n`;
}

export function formatReport(r: BenchResults): string {
  let s = `Sightline benchmark "${r.label}" — ${r.startedAt}\n${r.machine.cpu} ×${r.machine.cpus}, ${r.machine.memGb} GB, Node ${r.machine.node}, SQLite ${r.machine.sqlite}; load average ${r.machine.loadAvgStart} → ${r.machine.loadAvgEnd}\n`;
  for (const f of [r.floor, r.floorOld]) {
    if (!f) continue;
    s += table(`Storage floor, ${f.shape === "real" ? "real-traffic" : "old"} shape (rows/s, 1000 rows per transaction; ${f.bytesPerRowFloor} B/row)`, ["path", "rows/s", "vs floor"], [
      ["floor: raw table, INTEGER PK, no index, synchronous=NORMAL", f.floorRowsPerSec, "100%"],
      ["production schema via storeEvents, synchronous=NORMAL", f.productionRowsPerSec, pct(f.productionRowsPerSec / f.floorRowsPerSec)],
      ["production schema via storeEvents, synchronous=FULL", f.productionSynchronousFull, pct(f.productionSynchronousFull / f.floorRowsPerSec)],
    ]);
  }
  if (r.http) {
    const floorOf = (h: { shape: string }) => (h.shape === "real" ? r.floor : r.floorOld);
    s += table(`HTTP ingest (next start, ${r.http[0]?.clients} clients, synchronous=FULL; vs the floor of the same shape)`, ["shape", "stored before", "batch", "events/s", "vs floor", "p50 ms", "p99 ms", "failed", "server CPU µs/event", "request / writer / other thread µs", "writer busy", "peak RSS MB", "B/event wire", "load"],
      r.http.map((h) => [h.shape, fmtCount(h.prestored ?? 0), h.batchSize, h.eventsPerSec, floorOf(h) ? pct(h.eventsPerSec / floorOf(h)!.floorRowsPerSec) : null, h.latencyMs.p50, h.latencyMs.p99, h.failed, h.serverCpuUsPerEvent,
        `${h.threads.requestThreadUs} / ${h.threads.writerThreadUs} / ${h.threads.otherThreadsUs}`, pct(h.threads.writerBusy), h.serverPeakRssMb, h.bytesPerEvent, h.loadAvg]));
  }
  for (const o of [r.otlp, ...(r.otlpStored ?? []), r.otlpOld]) {
    if (!o) continue;
    s += table(`OTLP vs native over HTTP, ${o.shape === "real" ? "random" : "old, nearly sequential"} trace ids${o.prestored ? `, ${fmtCount(o.prestored)} events stored before` : ""} (${o.spansPerBatch} per batch, ${o.native.clients} clients, each on its own database; ${o.bytesPerEvent} B/span protobuf)`,
      ["path", "events/s", "vs native", "p50 ms", "p99 ms", "failed", "server CPU µs/event", "request / writer / other thread µs", "peak RSS MB", "acknowledged / stored", "load"],
      [["native JSON", o.native], ["OTLP protobuf", o.otlp]].map(([name, h]) => {
        const x = h as typeof o.native;
        return [name as string, x.eventsPerSec, pct(x.eventsPerSec / o.native.eventsPerSec), x.latencyMs.p50, x.latencyMs.p99, x.failed, x.serverCpuUsPerEvent,
          `${x.threads.requestThreadUs} / ${x.threads.writerThreadUs} / ${x.threads.otherThreadsUs}`, x.serverPeakRssMb, `${x.acknowledgedEvents} / ${x.storedEvents}`, x.loadAvg];
      }));
  }
  for (const b of [r.breakdown, ...(r.breakdownReal ?? [])]) {
    if (!b) continue;
    const rows: (string | number | null)[][] = b.stages.map((x) => [x.stage, x.usPerEvent, pct(x.share)]);
    rows.push(["handler total (in-process, wall)", b.handlerUsPerEvent, "100%"]);
    rows.push(["handler CPU (in-process, user+sys)", b.handlerCpuUsPerEvent, null]);
    if (r.http) {
      const h = r.http.find((x) => x.batchSize === b.batchSize && x.shape === b.shape && (x.prestored ?? 0) === b.prestored);
      if (h) rows.push(["framework overhead (server CPU − handler CPU)", Math.round((h.serverCpuUsPerEvent - b.handlerCpuUsPerEvent) * 100) / 100, null]);
    }
    s += table(`Per-event cost, ${b.batchSize}-event batches, ${b.shape === "real" ? "real-traffic" : "old"} shape, ${fmtCount(b.prestored)} stored (µs/event)`, ["stage", "µs/event", "share"], rows);
  }
  for (const rd of r.reads ?? []) {
    s += table(`Dashboard reads @ ${fmtCount(rd.seed.events)} events / ${rd.seed.days} d (${rd.seed.bytesPerEvent} B/event, seeded in ${(rd.seed.seedMs / 1000).toFixed(0)} s${rd.seed.reused ? ", reused" : ""}; RSS idle ${rd.idleRssMb} MB)`,
      ["endpoint", "p50 ms", "p95 ms", "errors"], rd.endpoints.map((e) => [e.name, e.latencyMs.p50, e.latencyMs.p95, e.errors]));
  }
  if (r.mixed) {
    const m = r.mixed;
    s += table(`Mixed load (ingest at half the maximum + ${m.readRate ? `${m.readRate} dashboard requests/s` : "2 closed-loop readers"})`, ["measure", "value"], [
      ["ingest target / achieved events/s", `${m.ingestTargetEventsPerSec} / ${m.ingestEventsPerSec}`],
      ["ingest requests / failed", `${m.ingestRequests} / ${m.ingestFailed}`],
      ["ingest p50 / p99 ms", `${m.ingestLatencyMs.p50} / ${m.ingestLatencyMs.p99}`],
      ["reads / errors", `${m.reads} / ${m.readErrors}`],
      ["read p50 / p95 ms", `${m.readLatencyMs.p50} / ${m.readLatencyMs.p95}`],
      ["server peak RSS MB", m.serverPeakRssMb], ["load average", m.loadAvg],
    ]);
  }
  s += table("Targets", ["target", "goal", "measured", "met"], r.targets.map((t) => [t.name, t.goal, t.value, t.met === null ? "—" : t.met ? "yes" : "NO"]));
  return s;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
