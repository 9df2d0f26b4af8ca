import "server-only";
import { getPool } from "@/lib/db/client";
import { readReportSettings } from "./read-report-settings";
import type { TimeoutReportSettingsResponse } from "./report-settings-schema";

/** The timeout report's settings for the web server's routes and pages (read-report-settings.ts). */
export async function getReportSettings(): Promise<TimeoutReportSettingsResponse> {
  return readReportSettings(getPool());
}
