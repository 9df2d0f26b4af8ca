// Labels and label matchers are typed as `key=value` tags (rules, silences, contact points).
// A tag without "=" becomes a key with an empty value, so the server's 400 names it
// ("matchers.team: must not be empty") instead of the tag being dropped unseen.

export function labelsFromPairs(pairs: string[]): Record<string, string> {
  return Object.fromEntries(pairs.map((pair) => (pair.includes("=") ? [pair.slice(0, pair.indexOf("=")).trim(), pair.slice(pair.indexOf("=") + 1).trim()] : [pair.trim(), ""])));
}

export function pairsFromLabels(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([key, value]) => `${key}=${value}`);
}
