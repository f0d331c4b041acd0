import fs from "node:fs";

/** Resident memory of a process and its descendants, in bytes, from /proc (Linux only). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of tree(pid)) {
    const m = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${p}/status`));
    if (m) total += Number(m[1]) * 1024;
  }
  return total;
}

/** User + system CPU seconds of a process and its descendants. */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of tree(pid)) {
    const stat = read(`/proc/${p}/stat`);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  }
  return ticks / 100; // USER_HZ
}

/** CPU seconds of every thread in the tree, keyed `pid/tid` (tid === pid: a process's main thread). */
export function threadCpuSeconds(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of tree(pid)) {
    for (const tid of safeDir(`/proc/${p}/task`)) {
      const stat = read(`/proc/${p}/task/${tid}/stat`);
      if (!stat) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(`${p}/${tid}`, (Number(fields[11]) + Number(fields[12])) / 100);
    }
  }
  return out;
}

/**
 * Where a run's CPU went, per event: the request thread (main thread of the busiest process),
 * the busiest other thread of that process (the ingest writer), and everything else (libuv
 * pool, V8 GC helpers, the `next start` parent).
 */
export function threadSplit(before: Map<string, number>, after: Map<string, number>, events: number) {
  const delta = [...after].map(([k, v]) => ({ k, pid: k.split("/")[0], tid: k.split("/")[1], s: v - (before.get(k) ?? 0) }));
  const byPid = new Map<string, number>();
  for (const d of delta) byPid.set(d.pid, (byPid.get(d.pid) ?? 0) + d.s);
  const server = [...byPid].sort((a, b) => b[1] - a[1])[0]?.[0];
  const main = delta.find((d) => d.pid === server && d.tid === server)?.s ?? 0;
  const writer = delta.filter((d) => d.pid === server && d.tid !== server).sort((a, b) => b.s - a.s)[0]?.s ?? 0;
  const total = delta.reduce((t, d) => t + d.s, 0);
  const us = (s: number) => Math.round((s / Math.max(1, events)) * 1e7) / 10;
  return { requestThreadUs: us(main), writerThreadUs: us(writer), otherThreadsUs: us(total - main - writer) };
}

function tree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    for (const task of safeDir(`/proc/${out[i]}/task`)) {
      for (const c of read(`/proc/${out[i]}/task/${task}/children`).split(" ")) if (c.trim()) out.push(Number(c));
    }
  }
  return out;
}

function read(p: string): string {
  try {
    return fs.readFileSync(p, "utf8");
  } catch {
    return "";
  }
}

function safeDir(p: string): string[] {
  try {
    return fs.readdirSync(p);
  } catch {
    return [];
  }
}

/** Samples RSS every `everyMs` until stopped; reports the peak. */
export class RssSampler {
  peak = 0;
  last = 0;
  private timer: NodeJS.Timeout;
  constructor(private pid: number, everyMs = 100) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }
  sample(): number {
    this.last = treeRss(this.pid);
    if (this.last > this.peak) this.peak = this.last;
    return this.last;
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/** 1-minute load average: benchmarks on a shared 2-core machine must say how busy it was. */
export function loadAverage(): number {
  return Number(read("/proc/loadavg").split(" ")[0]);
}
