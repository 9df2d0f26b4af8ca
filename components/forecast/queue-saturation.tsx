"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { RangeKey } from "@/lib/client/query-keys";
import type { SaturationSubject } from "@/lib/forecast/describe-forecast";
import { SERVICE_LABEL } from "@/lib/schemas/metrics";
import { serviceColor } from "@/lib/trace/service-colors";
import { GaugeSaturation } from "./gauge-saturation";

// The demo shop's queue gauges (agents/demo-shop/services/notification.ts): depth and the
// capacity it is sized for, labelled by the queue's messaging.destination.name.
export const QUEUE_DEPTH_METRIC = "shop.queue.depth";
const QUEUE_CAPACITY_METRIC = "shop.queue.capacity";
const QUEUE_LABEL = "messaging.destination.name";

/** A consumer's queue: messages waiting against its capacity, with the saturation forecast. */
export function QueueSaturation({ service, queue, range, height }: { service: string; queue: string; range: RangeKey; height?: number }) {
  const t = useTranslations("forecast.queue");
  const subject = useMemo<SaturationSubject>(() => ({ kind: "queue", queue }), [queue]);
  const filter = { [SERVICE_LABEL]: service, [QUEUE_LABEL]: queue };
  return (
    <GaugeSaturation
      range={range}
      gauge={{ name: QUEUE_DEPTH_METRIC, agg: "max", filter }}
      limit={{ name: QUEUE_CAPACITY_METRIC, agg: "max", filter }}
      subject={subject}
      title={t("title", { service, queue })}
      seriesName={t("depth")}
      color={serviceColor(service)}
      height={height}
    />
  );
}
