// Matches a request path against a route template such as `/orders/:id`; the template is what
// spans report as `http.route`, so cardinality stays low however many orders there are.

export function matchRoute(template: string, path: string): Record<string, string> | undefined {
  const want = template.split("/");
  const got = (path.split("?")[0] ?? "").split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i]!;
    if (part.startsWith(":")) {
      if (!value) return undefined;
      params[part.slice(1)] = decodeURIComponent(value);
    } else if (part !== value) {
      return undefined;
    }
  }
  return params;
}

/** The query string of a path as a plain object (`/orders?customer=u-1` → `{ customer: "u-1" }`). */
export function queryOf(path: string): Record<string, string> {
  const index = path.indexOf("?");
  return index < 0 ? {} : Object.fromEntries(new URLSearchParams(path.slice(index + 1)));
}
