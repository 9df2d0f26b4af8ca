import type { ShareLink } from "./schemas";

export const shareLinkColumns = { id: true, incidentId: true, createdBy: true, createdAt: true, expiresAt: true, revokedAt: true, viewCount: true, lastViewedAt: true } as const;

interface ShareLinkRow {
  id: string;
  incidentId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  viewCount: number;
  lastViewedAt: Date | null;
}

/** Never the token or its hash: the token is shown once, when the link is made. */
export const shareLinkJson = (row: ShareLinkRow): ShareLink => ({
  id: row.id,
  incidentId: row.incidentId,
  createdBy: row.createdBy,
  createdAtMs: row.createdAt.getTime(),
  expiresAtMs: row.expiresAt.getTime(),
  revokedAtMs: row.revokedAt?.getTime() ?? null,
  viewCount: row.viewCount,
  lastViewedAtMs: row.lastViewedAt?.getTime() ?? null,
});
