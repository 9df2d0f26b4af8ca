import { queryOptions } from "@tanstack/react-query";
import { annotationListSchema, annotationSchema, type CreateAnnotationBody } from "@/lib/annotations/schemas";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";

// The annotations of a window, which every chart of that window draws; and the two changes.

export function annotationsQuery(range: RangeKey, service: string | null) {
  const serviceParam = service === null ? "" : `&service=${encodeURIComponent(service)}`;
  return queryOptions({
    queryKey: queryKeys.annotations.range(range, service),
    queryFn: ({ signal }) => fetchJson(`/api/v1/annotations?from=${range.from}&to=${range.to}${serviceParam}`, annotationListSchema, { signal }),
    staleTime: 30_000,
  });
}

export const createAnnotation = (body: Partial<CreateAnnotationBody> & Pick<CreateAnnotationBody, "timeMs" | "text">) =>
  fetchJson("/api/v1/annotations", annotationSchema, { method: "POST", json: body });

export const deleteAnnotation = (id: string) => fetchJson(`/api/v1/annotations/${encodeURIComponent(id)}`, annotationSchema, { method: "DELETE" });
