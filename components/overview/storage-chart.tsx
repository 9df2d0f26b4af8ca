"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { EChart } from "@/components/charts/echart";
import type { EChartOption } from "@/components/charts/echarts-setup";
import type { StorageSummary } from "@/lib/client/summarise-storage";

/** Stacked bars: rows per UTC day (exact or estimated, see the table), one colour per signal table. */
export function StorageChart({ summary }: { summary: StorageSummary }) {
  const t = useTranslations("storage");
  const locale = useLocale();

  const option = useMemo<EChartOption>(() => {
    const exact = new Intl.NumberFormat(locale);
    const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    return {
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (value) => (typeof value === "number" ? exact.format(value) : String(value)),
      },
      legend: { type: "scroll", top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: summary.days,
        // "05-10": the year is in the tooltip, and short labels fit a month of days.
        axisLabel: { formatter: (day: string) => day.slice(5) },
      },
      yAxis: { type: "value", axisLabel: { formatter: (value: number) => compact.format(value) } },
      series: summary.series.map(({ table, rowsPerDay }) => ({
        type: "bar",
        name: t(`signals.${table}`),
        stack: "rows",
        emphasis: { focus: "series" },
        barMaxWidth: 48,
        data: rowsPerDay,
      })),
    };
  }, [summary, locale, t]);

  return <EChart option={option} ariaLabel={t("chartLabel")} height={280} />;
}
