"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { RangeKey } from "@/lib/client/query-keys";
import type { SaturationSubject } from "@/lib/forecast/describe-forecast";
import { serviceColor } from "@/lib/trace/service-colors";
import { poolGauges } from "./forecast-queries";
import { GaugeSaturation } from "./gauge-saturation";

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
      {...poolGauges(service)}
      subject={subject}
      title={t("title", { service })}
      seriesName={t("inUse")}
      color={serviceColor(service)}
      height={height}
    />
  );
}
