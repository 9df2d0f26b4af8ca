import type { Annotation } from "./schemas";

export const annotationColumns = { id: true, time: true, endTime: true, text: true, tags: true, service: true, createdAt: true } as const;

interface AnnotationRow {
  id: string;
  time: Date;
  endTime: Date | null;
  text: string;
  tags: string[];
  service: string | null;
  createdAt: Date;
}

export const annotationJson = (row: AnnotationRow): Annotation => ({
  id: row.id,
  timeMs: row.time.getTime(),
  endTimeMs: row.endTime?.getTime() ?? null,
  text: row.text,
  tags: row.tags,
  service: row.service,
  createdAt: row.createdAt.toISOString(),
  incidentId: null,
});
