import type pg from "pg";
import { DEFAULT_TIMEOUT_REPORT_SETTINGS, TIMEOUT_REPORT_SETTINGS_KEY, timeoutReportSettingsSchema, type TimeoutReportSettingsResponse } from "./report-settings-schema";

// The timeout report's settings as stored, or the defaults when nothing is. A stored value this
// version cannot read (written by another version of the schema) falls back to the defaults and
// says so in the server log once per read, rather than failing every report. Plain SQL on the
// caller's connection, so the report can also be read outside the web server (partition upkeep
// in `npm start` copies incidents' reports before their days are dropped).

type Queryable = Pick<pg.Pool, "query">;

export async function readReportSettings(db: Queryable): Promise<TimeoutReportSettingsResponse> {
  const { rows } = await db.query<{ value: unknown; updated_at: Date }>("SELECT value, updated_at FROM settings WHERE key = $1", [TIMEOUT_REPORT_SETTINGS_KEY]);
  const row = rows[0];
  const base = { defaults: DEFAULT_TIMEOUT_REPORT_SETTINGS };
  if (!row) return { ...base, settings: DEFAULT_TIMEOUT_REPORT_SETTINGS, isDefault: true, updatedAt: null };
  const parsed = timeoutReportSettingsSchema.safeParse(row.value);
  if (!parsed.success) {
    console.error(`[sightline] stored setting "${TIMEOUT_REPORT_SETTINGS_KEY}" is not readable (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}); using the defaults`);
    return { ...base, settings: DEFAULT_TIMEOUT_REPORT_SETTINGS, isDefault: true, updatedAt: null };
  }
  return { ...base, settings: parsed.data, isDefault: false, updatedAt: row.updated_at.toISOString() };
}
