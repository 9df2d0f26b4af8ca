import "server-only";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import { getPrisma } from "@/lib/db/client";
import { getReportSettings } from "./get-report-settings";
import { TIMEOUT_REPORT_SETTINGS_KEY, type TimeoutReportSettings, type TimeoutReportSettingsResponse } from "./report-settings-schema";

// Saves the timeout report's settings (PUT): the whole object is replaced, as the card sends it.
// The change goes to the activity log with what the settings were before.

export async function updateReportSettings(settings: TimeoutReportSettings, by: Principal, client: RequestClient): Promise<TimeoutReportSettingsResponse> {
  const before = await getReportSettings();
  await getPrisma().setting.upsert({
    where: { key: TIMEOUT_REPORT_SETTINGS_KEY },
    create: { key: TIMEOUT_REPORT_SETTINGS_KEY, value: settings },
    update: { value: settings },
  });
  await recordActivity({ action: "settings_changed", actor: by, target: TIMEOUT_REPORT_SETTINGS_KEY, detail: { was: before.settings, now: settings }, client });
  return getReportSettings();
}
