import { readdirSync, readFileSync } from "node:fs";

// CPU time and resident memory of process trees, read from /proc (Linux only), so a benchmark
// can say where the machine's cores went: the Sightline server (its worker threads count with
// it), PostgreSQL (postmaster and every backend) and the benchmark's own senders.

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the benchmarks run on
const PAGE_BYTES = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  /** user + system CPU, in seconds */
  cpuSeconds: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    const cpu = Number(fields[11]) + Number(fields[12]);
    const rssPages = Number(fields[21]);
    return { pid, ppid, cpuSeconds: cpu / TICKS_PER_SECOND, rssBytes: rssPages * PAGE_BYTES };
  } catch {
    return null; // the process ended between listing and reading
  }
}

function allProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** Direct children of `pid` whose command name (/proc/<pid>/comm) is `name`. */
export function childrenNamed(pid: number, name: string): number[] {
  return allProcesses()
    .filter((p) => p.ppid === pid)
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p.pid}/comm`, "utf8").trim() === name;
      } catch {
        return false;
      }
    })
    .map((p) => p.pid);
}

/** The process and all its descendants. */
function tree(root: number, all: ProcStat[]): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: ProcStat[] = [];
  const visit = (pid: number) => {
    const self = all.find((p) => p.pid === pid);
    if (self) out.push(self);
    for (const child of children.get(pid) ?? []) visit(child.pid);
  };
  visit(root);
  return out;
}

export interface TreeUsage {
  cpuSeconds: number;
  rssBytes: number;
}

/** Summed CPU and RSS of each named process tree. */
export function sampleTrees(roots: Record<string, number>): Record<string, TreeUsage> {
  const all = allProcesses();
  const out: Record<string, TreeUsage> = {};
  for (const [name, pid] of Object.entries(roots)) {
    const members = tree(pid, all);
    out[name] = { cpuSeconds: members.reduce((s, p) => s + p.cpuSeconds, 0), rssBytes: members.reduce((s, p) => s + p.rssBytes, 0) };
  }
  return out;
}

/**
 * Samples the trees every `everyMs` until stopped: CPU used between start and stop (seconds, and
 * cores = seconds / elapsed) and the peak RSS seen of each tree.
 */
export function watchTrees(roots: Record<string, number>, everyMs = 250) {
  const first = sampleTrees(roots);
  const started = performance.now();
  const peak: Record<string, number> = Object.fromEntries(Object.entries(first).map(([k, v]) => [k, v.rssBytes]));
  // Each member's own peak too, so a tree's peak can be told apart (e.g. `npm start`'s script
  // and the Next.js server under it); members seen at a tree's peak are kept with it.
  const memberPeaks: Record<string, Map<number, number>> = {};
  const atPeak: Record<string, Map<number, number>> = {};
  const sample = () => {
    const all = allProcesses();
    for (const [name, pid] of Object.entries(roots)) {
      const members = tree(pid, all);
      const rss = members.reduce((s, p) => s + p.rssBytes, 0);
      const mine = (memberPeaks[name] ??= new Map());
      for (const m of members) mine.set(m.pid, Math.max(mine.get(m.pid) ?? 0, m.rssBytes));
      if (rss >= (peak[name] ?? 0)) {
        peak[name] = rss;
        atPeak[name] = new Map(members.map((m) => [m.pid, m.rssBytes]));
      }
    }
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop(): Record<string, { cpuSeconds: number; cores: number; startRssBytes: number; peakRssBytes: number; members: { pid: number; command: string; peakRssBytes: number; rssAtTreePeakBytes: number }[] }> {
      clearInterval(timer);
      sample();
      const last = sampleTrees(roots);
      const elapsed = (performance.now() - started) / 1000;
      return Object.fromEntries(
        Object.entries(last).map(([name, usage]) => {
          const cpuSeconds = usage.cpuSeconds - (first[name]?.cpuSeconds ?? 0);
          const members = [...(memberPeaks[name] ?? new Map<number, number>()).entries()].map(([pid, peakRssBytes]) => ({ pid, command: commandOf(pid), peakRssBytes, rssAtTreePeakBytes: atPeak[name]?.get(pid) ?? 0 }));
          return [name, { cpuSeconds, cores: cpuSeconds / elapsed, startRssBytes: first[name]?.rssBytes ?? 0, peakRssBytes: Math.max(peak[name] ?? 0, usage.rssBytes), members }];
        }),
      );
    },
  };
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).map((arg) => arg.split("/").pop()).join(" ").slice(0, 48);
  } catch {
    return "(ended)";
  }
}
