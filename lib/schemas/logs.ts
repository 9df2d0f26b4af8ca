import { z } from "zod";
import {
  attributeValueSchema,
  attributesSchema,
  limitParam,
  nonEmptyParam,
  refineTimeRange,
  resourceSchema,
  spanIdSchema,
  timeRangeShape,
  traceIdSchema,
  unixNanoSchema,
} from "./common";
import { parseSeverity } from "./params";

// GET /api/v1/logs: log records, newest first.

export const severityParamSchema = z
  .string()
  .transform((text, ctx) => {
    const severity = parseSeverity(text);
    if (severity === null) {
      ctx.addIssue({ code: "custom", message: `expected TRACE, DEBUG, INFO, WARN, ERROR, FATAL or 1-24, got "${text}"` });
      return z.NEVER;
    }
    return severity;
  })
  .meta({ description: "minimum severity: a level name (TRACE, DEBUG, INFO, WARN, ERROR, FATAL) or an OTLP severity number 1-24" });

export const logSearchQuerySchema = z
  .object({
    traceId: traceIdSchema.optional(),
    spanId: spanIdSchema.optional(),
    service: nonEmptyParam.optional().describe("service.name"),
    severity: severityParamSchema.optional(),
    q: nonEmptyParam.optional().describe("text the body contains, case-insensitive"),
    ...timeRangeShape,
    limit: limitParam(100, 1000),
  })
  .superRefine(refineTimeRange)
  .describe("Default window: the last hour, or no time limit when traceId is given.");

export type LogSearchQuery = z.infer<typeof logSearchQuerySchema>;

export const logRecordSchema = z.object({
  timeUnixNano: unixNanoSchema,
  observedTimeUnixNano: unixNanoSchema.nullable(),
  severityNumber: z.number().int(),
  severityText: z.string(),
  body: attributeValueSchema.describe("the OTLP body as JSON (usually a string)"),
  attributes: attributesSchema,
  eventName: z.string(),
  traceId: z.string().nullable(),
  spanId: z.string().nullable(),
  serviceName: z.string(),
  scope: z.object({ name: z.string() }),
  resource: resourceSchema,
});

export const logSearchResponseSchema = z.object({ logs: z.array(logRecordSchema).describe("newest first") });

export type LogRecord = z.infer<typeof logRecordSchema>;
export type LogSearchResponse = z.infer<typeof logSearchResponseSchema>;
