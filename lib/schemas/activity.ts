import { z } from "zod";
import { limitParam, refineTimeRange, timeRangeShape } from "./common";

export const activityActions = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "setup_admin",
  "user_created",
  "user_updated",
  "invite_accepted",
  "api_token_created",
  "api_token_revoked",
  "ingest_key_created",
  "ingest_key_revoked",
  "settings_changed",
  "dashboard_created",
  "dashboard_updated",
  "dashboard_deleted",
] as const;
export type ActivityAction = (typeof activityActions)[number];

export const activityQuerySchema = z
  .object({
    ...timeRangeShape,
    action: z.enum(activityActions, { error: `must be one of ${activityActions.join(", ")}` }).optional(),
    actor: z.string().max(320).optional().meta({ description: "e-mail or token label, exactly" }),
    limit: limitParam(200, 1000),
  })
  .superRefine(refineTimeRange);

export const activityEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actor: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type ActivityEvent = z.infer<typeof activityEventSchema>;

export const activityResponseSchema = z.object({ events: z.array(activityEventSchema) });
