// Where "Why slow?" leads: the BubbleUp page for an operation (or every request of a service)
// in an absolute window, so the
// link replays the same comparison for whoever opens it. Every "Why slow?" builds it here.

export function whySlowHref(link: { service: string; operation?: string | null; fromMs: number; toMs: number }): string {
  const params = new URLSearchParams({ service: link.service, from: String(Math.floor(link.fromMs)), to: String(Math.ceil(link.toMs)) });
  if (link.operation) params.set("operation", link.operation);
  return `/findings/why-slow?${params.toString()}`;
}
