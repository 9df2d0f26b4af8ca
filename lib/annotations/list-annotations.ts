import "server-only";
import { getPrisma } from "@/lib/db/client";
import { storedFiltersSchema } from "@/lib/incidents/incident-json";
import { annotationColumns, annotationJson } from "./annotation-json";
import { MAX_ANNOTATIONS, type Annotation, type AnnotationList } from "./schemas";

/**
 * Points inside the window and windows overlapping it; a service's own and the global ones.
 * Incidents' windows are annotations too, so every chart draws them through this one list: an
 * incident opened for a service counts as that service's, any other as global.
 */
export async function listAnnotations(input: { fromMs: number; toMs: number; service?: string | undefined }): Promise<AnnotationList> {
  const from = new Date(input.fromMs);
  const to = new Date(input.toMs);
  const [rows, incidents] = await Promise.all([
    getPrisma().annotation.findMany({
      where: {
        time: { lte: to },
        OR: [{ endTime: null, time: { gte: from } }, { endTime: { gte: from } }],
        ...(input.service !== undefined ? { AND: [{ OR: [{ service: null }, { service: input.service }] }] } : {}),
      },
      orderBy: [{ time: "asc" }, { id: "asc" }],
      take: MAX_ANNOTATIONS,
      select: annotationColumns,
    }),
    getPrisma().incident.findMany({
      where: { startedAt: { lte: to }, windowTo: { gte: from } },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: MAX_ANNOTATIONS,
      select: { id: true, title: true, severity: true, startedAt: true, windowTo: true, filters: true, createdAt: true },
    }),
  ]);
  const incidentAnnotations = incidents.flatMap((incident): Annotation[] => {
    const service = storedFiltersSchema.parse(incident.filters ?? {}).values.service ?? null;
    if (input.service !== undefined && service !== null && service !== input.service) return [];
    return [
      {
        id: incident.id,
        timeMs: incident.startedAt.getTime(),
        endTimeMs: incident.windowTo.getTime(),
        text: incident.title,
        tags: ["incident", incident.severity],
        service,
        createdAt: incident.createdAt.toISOString(),
        incidentId: incident.id,
      },
    ];
  });
  const annotations = [...rows.map(annotationJson), ...incidentAnnotations].sort((a, b) => a.timeMs - b.timeMs || a.id.localeCompare(b.id));
  return { annotations: annotations.slice(0, MAX_ANNOTATIONS) };
}
