import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { annotationsQuerySchema, createAnnotationBodySchema } from "@/lib/annotations/schemas";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: annotationsQuerySchema }, ({ query }) =>
  listAnnotations({ ...resolveTimeRange(query, Date.now()), service: query.service }),
);

export const POST = withRoute({ access: "editor", body: createAnnotationBodySchema }, ({ body }) => createAnnotation(body));
