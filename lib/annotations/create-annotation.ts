import "server-only";
import { getPrisma } from "@/lib/db/client";
import { annotationColumns, annotationJson } from "./annotation-json";
import type { Annotation, CreateAnnotationBody } from "./schemas";

export async function createAnnotation(body: CreateAnnotationBody): Promise<Annotation> {
  const row = await getPrisma().annotation.create({
    data: { time: new Date(body.timeMs), endTime: body.endTimeMs === null ? null : new Date(body.endTimeMs), text: body.text, tags: body.tags, service: body.service },
    select: annotationColumns,
  });
  return annotationJson(row);
}
