import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { annotationColumns, annotationJson } from "./annotation-json";
import type { Annotation } from "./schemas";

/** Answers with the annotation as it was, so a client can offer to put it back. */
export async function deleteAnnotation(id: string): Promise<Annotation> {
  const [row] = await getPrisma().$transaction(async (tx) => {
    const found = await tx.annotation.findUnique({ where: { id }, select: annotationColumns });
    if (!found) return [];
    await tx.annotation.delete({ where: { id } });
    return [found];
  });
  if (!row) throw new ApiError("not_found", `no annotation with id ${id}`);
  return annotationJson(row);
}
