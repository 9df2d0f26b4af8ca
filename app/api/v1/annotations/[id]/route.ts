import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { annotationIdPathSchema } from "@/lib/annotations/schemas";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

export const DELETE = withRoute({ access: "editor" }, ({ params }) => deleteAnnotation(parsePathParams(annotationIdPathSchema, params).id));
