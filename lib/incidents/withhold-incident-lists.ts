import type { Role } from "@/lib/auth/roles";
import { withholdReportLists } from "@/lib/reports/withhold-report-lists";
import type { Incident } from "./schemas";

// An incident's frozen report keeps the customer and order lists it was computed with, so it can
// be shown to whoever may see them later; each reader gets the copy their role allows (Settings →
// Timeout report's `customerListsVisibleTo`, as for the live report). A share link's reader is
// treated as a viewer.

export function withholdIncidentLists(incident: Incident, role: Role): Incident {
  const report = incident.frozen?.report;
  if (!incident.frozen || !report) return incident;
  return { ...incident, frozen: { ...incident.frozen, report: withholdReportLists(report, role) } };
}
