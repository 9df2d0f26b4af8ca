import type { AlertSource } from "./schemas";

// The page that shows what a rule watches: the API answers it with every rule, and each
// notification carries it (made absolute with the public base URL). Paths only, so the same
// link works behind any origin; the pages read their own default window.

const enc = encodeURIComponent;

export function ruleLink(source: AlertSource): string {
  switch (source.kind) {
    case "metric": {
      // The explorer's `q` (lib/metrics/explorer-url.ts writeQuerySpec): compact JSON, defaults left out.
      const q = JSON.stringify({
        name: source.name,
        ...(source.agg ? { agg: source.agg } : {}),
        ...(source.filter.length ? { filter: source.filter } : {}),
        ...(source.groupBy.length ? { groupBy: source.groupBy } : {}),
      });
      return `/metrics?q=${enc(q)}`;
    }
    case "red":
      return `/services/${enc(source.service)}`;
    case "absence":
      return `/services/${enc(source.service)}`;
    case "consistency":
      return source.ruleId ? `/consistency?rule=${enc(source.ruleId)}` : "/consistency";
    case "database":
      return source.database ? `/database?db=${enc(source.database)}` : "/database";
    case "slo-burn":
      return `/slos/${enc(source.sloId)}`;
    case "job":
      return source.service ? `/jobs/${enc(source.service)}/${enc(source.job)}` : "/jobs";
  }
}
