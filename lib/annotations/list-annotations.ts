import "server-only";
import { getPrisma } from "@/lib/db/client";
import { annotationColumns, annotationJson } from "./annotation-json";
import { MAX_ANNOTATIONS, type AnnotationList } from "./schemas";

/** Points inside the window and windows overlapping it; a service's own and the global ones. */
export async function listAnnotations(input: { fromMs: number; toMs: number; service?: string | undefined }): Promise<AnnotationList> {
  const from = new Date(input.fromMs);
  const to = new Date(input.toMs);
  const rows = await getPrisma().annotation.findMany({
    where: {
      time: { lte: to },
      OR: [{ endTime: null, time: { gte: from } }, { endTime: { gte: from } }],
      ...(input.service !== undefined ? { AND: [{ OR: [{ service: null }, { service: input.service }] }] } : {}),
    },
    orderBy: [{ time: "asc" }, { id: "asc" }],
    take: MAX_ANNOTATIONS,
    select: annotationColumns,
  });
  return { annotations: rows.map(annotationJson) };
}
