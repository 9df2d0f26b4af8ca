import "server-only";
import { getPrisma } from "@/lib/db/client";
import { DEFAULT_TIMEOUT_REPORT_SETTINGS, TIMEOUT_REPORT_SETTINGS_KEY, timeoutReportSettingsSchema, type TimeoutReportSettingsResponse } from "./report-settings-schema";

// The timeout report's settings as stored, or the defaults when nothing is. A stored value this
// version cannot read (written by another version of the schema) falls back to the defaults and
// says so in the server log once per read, rather than failing every report.

export async function getReportSettings(): Promise<TimeoutReportSettingsResponse> {
  const row = await getPrisma().setting.findUnique({ where: { key: TIMEOUT_REPORT_SETTINGS_KEY } });
  const base = { defaults: DEFAULT_TIMEOUT_REPORT_SETTINGS };
  if (!row) return { ...base, settings: DEFAULT_TIMEOUT_REPORT_SETTINGS, isDefault: true, updatedAt: null };
  const parsed = timeoutReportSettingsSchema.safeParse(row.value);
  if (!parsed.success) {
    console.error(`[sightline] stored setting "${TIMEOUT_REPORT_SETTINGS_KEY}" is not readable (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}); using the defaults`);
    return { ...base, settings: DEFAULT_TIMEOUT_REPORT_SETTINGS, isDefault: true, updatedAt: null };
  }
  return { ...base, settings: parsed.data, isDefault: false, updatedAt: row.updatedAt.toISOString() };
}
