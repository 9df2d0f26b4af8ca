// Numbers of the services views, formatted the same in every table.

export const formatPercent = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)}%`);

export const formatRate = (perSecond: number) => (perSecond >= 10 ? perSecond.toFixed(0) : perSecond >= 1 ? perSecond.toFixed(1) : perSecond.toFixed(2));

export const STATUS_COLOR = { ok: "teal", warn: "yellow", bad: "red" } as const;

/** The service page's address; names may hold anything, so the segment is encoded. */
export const servicePageHref = (service: string) => `/services/${encodeURIComponent(service)}`;
