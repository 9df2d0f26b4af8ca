"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { RangeKey } from "@/lib/client/query-keys";
import type { SaturationSubject } from "@/lib/forecast/describe-forecast";
import { serviceColor } from "@/lib/trace/service-colors";
import { queueGauges } from "./forecast-queries";
import { GaugeSaturation } from "./gauge-saturation";

/** A consumer's queue: messages waiting against its capacity, with the saturation forecast. */
export function QueueSaturation({ service, queue, range, height }: { service: string; queue: string; range: RangeKey; height?: number }) {
  const t = useTranslations("forecast.queue");
  const subject = useMemo<SaturationSubject>(() => ({ kind: "queue", queue }), [queue]);
  return (
    <GaugeSaturation
      range={range}
      {...queueGauges(service, queue)}
      subject={subject}
      title={t("title", { service, queue })}
      seriesName={t("depth")}
      color={serviceColor(service)}
      height={height}
    />
  );
}
