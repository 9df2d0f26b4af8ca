import "server-only";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import { getPrisma } from "@/lib/db/client";
import { getReportSettings } from "./get-report-settings";
import { TIMEOUT_REPORT_SETTINGS_KEY, type TimeoutReportSettingsResponse } from "./report-settings-schema";

// Back to the defaults (DELETE): the stored row is removed rather than overwritten with today's
// defaults, so a later version's defaults reach this installation. Logged when it changed anything.

export async function resetReportSettings(by: Principal, client: RequestClient): Promise<TimeoutReportSettingsResponse> {
  const before = await getReportSettings();
  await getPrisma().setting.deleteMany({ where: { key: TIMEOUT_REPORT_SETTINGS_KEY } });
  if (!before.isDefault) await recordActivity({ action: "settings_changed", actor: by, target: TIMEOUT_REPORT_SETTINGS_KEY, detail: { was: before.settings, now: "defaults" }, client });
  return getReportSettings();
}
