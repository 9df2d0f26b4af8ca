"use client";

import { Code } from "@mantine/core";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { SlowDifference, SlowFeature } from "@/lib/findings/schemas";

// One BubbleUp difference in words ("91% of the slow requests waited in `pool.connect` of
// coupon (baseline 3%)"), or just its feature for the table. Values are inserted as text.

const code = (chunks: ReactNode) => <Code>{chunks}</Code>;

function featureValues(feature: SlowFeature): Record<string, string> {
  switch (feature.type) {
    case "service":
      return { service: feature.service };
    case "kind":
      return { service: feature.service, kind: feature.kind };
    case "attribute":
      return { key: feature.key, value: feature.value };
    default:
      return { service: feature.service, operation: feature.operation };
  }
}

export function WhySlowSentence({ difference }: { difference: SlowDifference }) {
  const t = useTranslations("findings.whySlow");
  const format = useFormatter();
  const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });
  const values = { ...featureValues(difference.feature), slow: percent(difference.slowShare), base: percent(difference.baselineShare), code };
  return <>{t.rich(`s_${difference.feature.type}`, values)}</>;
}

export function WhySlowFeature({ feature }: { feature: SlowFeature }) {
  const t = useTranslations("findings.whySlow");
  return <>{t.rich(`f_${feature.type}`, { ...featureValues(feature), code })}</>;
}
