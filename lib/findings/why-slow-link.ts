// Where "Why slow?" leads: the BubbleUp page for an operation in an absolute window, so the
// link replays the same comparison for whoever opens it. Every "Why slow?" builds it here.

export function whySlowHref(link: { service: string; operation: string; fromMs: number; toMs: number }): string {
  const params = new URLSearchParams({ service: link.service, operation: link.operation, from: String(Math.floor(link.fromMs)), to: String(Math.ceil(link.toMs)) });
  return `/findings/why-slow?${params.toString()}`;
}
