import { z } from "zod";
import { hasNoNul, isWithinTimeRange, NUL_MESSAGE, nonEmptyParam, refineTimeRange, TIME_RANGE_MESSAGE, timeRangeShape } from "@/lib/schemas/common";

// Annotations: a time point or window with a note ("deploy 1.4.2", "failover"), drawn on every
// chart whose range holds it. Incidents' windows are listed among them (tagged `incident`). GET /api/v1/annotations, POST (editor), DELETE /{id} (editor).

export const MAX_ANNOTATIONS = 500;

export const annotationsQuerySchema = z
  .object({ ...timeRangeShape, service: nonEmptyParam.optional().describe("this service's annotations and the global ones (without a service)") })
  .superRefine(refineTimeRange)
  .describe(`Annotations overlapping the window (default: the last hour), oldest first, at most ${MAX_ANNOTATIONS}.`);

const instantMs = z
  .number()
  .int("must be whole Unix milliseconds")
  .refine(isWithinTimeRange, TIME_RANGE_MESSAGE)
  .meta({ description: "Unix milliseconds" });

const note = z.string().trim().min(1, "must not be empty").max(1_000, "must be at most 1000 characters").refine(hasNoNul, NUL_MESSAGE);
const label = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").refine(hasNoNul, NUL_MESSAGE);

export const createAnnotationBodySchema = z
  .object({
    timeMs: instantMs.describe("the point, or the start of the window"),
    endTimeMs: instantMs.nullable().default(null).describe("the end of the window; null for a point in time"),
    text: note,
    tags: z.array(label).max(10, "at most 10 tags").default([]),
    service: label.nullable().default(null).describe("the service it concerns; null: shown on every chart"),
  })
  .superRefine((value, ctx) => {
    if (value.endTimeMs !== null && value.endTimeMs <= value.timeMs) ctx.addIssue({ code: "custom", path: ["endTimeMs"], message: "must be later than timeMs" });
  });

export const annotationSchema = z.object({
  id: z.string(),
  timeMs: z.number().int(),
  endTimeMs: z.number().int().nullable(),
  text: z.string(),
  tags: z.array(z.string()),
  service: z.string().nullable(),
  createdAt: z.string(),
  incidentId: z.string().nullable().describe("set when this is an incident's window (not deletable here; edit the incident)"),
});

export const annotationListSchema = z.object({ annotations: z.array(annotationSchema).describe("oldest first") });
export const annotationIdPathSchema = z.object({ id: z.uuid("must be a UUID") });

export type Annotation = z.infer<typeof annotationSchema>;
export type AnnotationList = z.infer<typeof annotationListSchema>;
export type CreateAnnotationBody = z.infer<typeof createAnnotationBodySchema>;
