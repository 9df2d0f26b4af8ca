import "server-only";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { getPool, getPrisma } from "@/lib/db/client";
import { getTimeoutReport } from "@/lib/reports/get-timeout-report";
import type { TimeoutReport } from "@/lib/reports/schemas";
import { SHARE_TOKEN_PREFIX } from "./create-share-link";
import { getIncident } from "./get-incident";
import { withholdIncidentLists } from "./withhold-incident-lists";
import type { Incident } from "./schemas";

// /share/{token}: the one door a share link opens. A good token shows its incident and that
// incident's report — the incident's copy when it holds one (resolved, or retention was dropping
// its window: components/incidents/incident-body.tsx has the rule), read now otherwise — and counts the
// view; anything else says only which of "unknown", "expired" or "revoked" it is.

export type OpenedShareLink =
  | { state: "ok"; incident: Incident; report: TimeoutReport; live: boolean; expiresAtMs: number }
  | { state: "unknown" | "expired" | "revoked" };

const TOKEN_PATTERN = new RegExp(`^${SHARE_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

export async function openShareLink(token: string, nowMs = Date.now()): Promise<OpenedShareLink> {
  if (!TOKEN_PATTERN.test(token)) return { state: "unknown" };
  const prisma = getPrisma();
  const link = await prisma.shareLink.findUnique({ where: { tokenHash: hashSecretToken(token) }, select: { id: true, incidentId: true, expiresAt: true, revokedAt: true } });
  if (!link) return { state: "unknown" };
  if (link.revokedAt !== null) return { state: "revoked" };
  if (link.expiresAt.getTime() <= nowMs) return { state: "expired" };
  // Counted in one statement that re-checks the link, so a revoke racing the view wins.
  const counted = await prisma.shareLink.updateMany({
    where: { id: link.id, revokedAt: null, expiresAt: { gt: new Date(nowMs) } },
    data: { viewCount: { increment: 1 }, lastViewedAt: new Date(nowMs) },
  });
  if (counted.count === 0) return { state: "revoked" };
  // Whoever holds the link reads what a viewer may: counts, not customer or order lists.
  const incident = withholdIncidentLists(await getIncident(link.incidentId), "viewer");
  if (incident.frozen?.report) return { state: "ok", incident, report: incident.frozen.report, live: false, expiresAtMs: link.expiresAt.getTime() };
  const { service, operation } = incident.filters;
  const report = await getTimeoutReport(getPool(), { ...incident.window, service, operation: service === undefined ? undefined : operation, nowMs, audience: "viewer" });
  return { state: "ok", incident, report, live: true, expiresAtMs: link.expiresAt.getTime() };
}
