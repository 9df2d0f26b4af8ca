import { z } from "zod";
import { REPORT_ATTRIBUTES, reportAttributesSchema } from "./report-attributes";

// GET/PUT/DELETE /api/v1/settings/timeout-report: what the timeout report reads as customer,
// order, amount and currency, and who may see its customer and order lists. Stored as ONE
// row of `settings` (key below) holding this object as JSON; the server parses it with the
// same schema on the way in and out, the Settings card on the way back.

export const TIMEOUT_REPORT_SETTINGS_KEY = "timeout-report";

/** Viewers always see counts only; editors (the default) or only admins see the lists too. */
export const listsRoles = ["editor", "admin"] as const;
export type ListsRole = (typeof listsRoles)[number];

export const timeoutReportSettingsSchema = z
  .strictObject({
    attributes: reportAttributesSchema,
    customerListsVisibleTo: z
      .enum(listsRoles, { error: "must be editor or admin" })
      .describe("the smallest role that sees the lists of customer and order ids in a report; smaller roles get counts only"),
  })
  .meta({ description: "Timeout report settings" });

export type TimeoutReportSettings = z.infer<typeof timeoutReportSettingsSchema>;

export const DEFAULT_TIMEOUT_REPORT_SETTINGS: TimeoutReportSettings = { attributes: REPORT_ATTRIBUTES, customerListsVisibleTo: "editor" };

export const timeoutReportSettingsResponseSchema = z
  .object({
    settings: timeoutReportSettingsSchema.describe("what reports are computed with now"),
    defaults: timeoutReportSettingsSchema.describe("what a reset restores"),
    isDefault: z.boolean().describe("nothing stored: the defaults apply"),
    updatedAt: z.string().nullable().describe("when an admin last saved them (ISO-8601); null with the defaults"),
  })
  .meta({ description: "Timeout report settings, with the defaults" });

export type TimeoutReportSettingsResponse = z.infer<typeof timeoutReportSettingsResponseSchema>;
