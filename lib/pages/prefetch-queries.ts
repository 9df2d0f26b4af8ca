import "server-only";
import { dehydrate, QueryClient, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";

// A page's first data, loaded while the server renders it: the client components find it in
// their query cache (HydrationBoundary), so the HTML already holds the content instead of a
// skeleton that waits for the page's scripts to run and then ask the API (docs/benchmarks.md,
// "Pages"). Each entry is the query the client would run: same key, and the value passes
// through JSON and the response schema, so the cache holds exactly what the fetch would.

export interface ServerQuery {
  queryKey: QueryKey;
  /** The lib function the API route calls. */
  load: () => Promise<unknown>;
  schema: z.ZodType;
}

export async function prefetchQueries(queries: ServerQuery[]): Promise<DehydratedState> {
  const client = new QueryClient();
  await Promise.all(
    queries.map(async ({ queryKey, load, schema }) => {
      // A load that fails is left out: the client then runs the query itself and shows the
      // error (with its retry button) as it always did.
      const data: unknown = await load().then((value) => schema.parse(JSON.parse(JSON.stringify(value))), () => undefined);
      if (data !== undefined) client.setQueryData(queryKey, data);
    }),
  );
  return dehydrate(client);
}
