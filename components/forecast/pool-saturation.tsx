"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { RangeKey } from "@/lib/client/query-keys";
import type { SaturationSubject } from "@/lib/forecast/describe-forecast";
import { SERVICE_LABEL } from "@/lib/schemas/metrics";
import { serviceColor } from "@/lib/trace/service-colors";
import { GaugeSaturation } from "./gauge-saturation";

// OpenTelemetry's database client pool metrics (semantic conventions: db.client.connection.*).
const CONNECTION_COUNT = "db.client.connection.count";
export const POOL_MAX_METRIC = "db.client.connection.max";
const STATE_LABEL = "db.client.connection.state";
const POOL_LABEL = "db.client.connection.pool.name";

/**
 * A service's connection pool: connections in use against the pool's maximum (summed over the
 * service's pools), with the saturation forecast. Ready for any page that shows one service.
 */
export function PoolSaturation({ service, range, height }: { service: string; range: RangeKey; height?: number }) {
  const t = useTranslations("forecast.pool");
  const subject = useMemo<SaturationSubject>(() => ({ kind: "pool", service }), [service]);
  return (
    <GaugeSaturation
      range={range}
      // One series per pool, summed by GaugeSaturation: two pools of 4 are 8 connections.
      gauge={{ name: CONNECTION_COUNT, agg: "max", filter: { [SERVICE_LABEL]: service, [STATE_LABEL]: "used" }, groupBy: [POOL_LABEL] }}
      limit={{ name: POOL_MAX_METRIC, agg: "max", filter: { [SERVICE_LABEL]: service }, groupBy: [POOL_LABEL] }}
      subject={subject}
      title={t("title", { service })}
      seriesName={t("inUse")}
      color={serviceColor(service)}
      height={height}
    />
  );
}
