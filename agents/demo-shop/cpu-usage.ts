// The shop's own CPU cost, for its periodic log line: it shares two cores with Sightline and
// must stay modest. Percent of one core over the interval (user + system time).

export function cpuPercent(previous: NodeJS.CpuUsage, current: NodeJS.CpuUsage, elapsedMs: number): number {
  if (elapsedMs <= 0) return 0;
  const usedMicros = current.user - previous.user + (current.system - previous.system);
  return (usedMicros / 1000 / elapsedMs) * 100;
}
