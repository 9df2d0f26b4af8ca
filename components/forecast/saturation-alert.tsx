"use client";

import { Alert, Text } from "@mantine/core";
import { IconAlertTriangle, IconTrendingUp } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { SaturationForecastView } from "./use-saturation-forecast";

/** The forecast in words, when it says anything: orange while climbing, red at the limit. */
export function SaturationAlert({ view }: { view: SaturationForecastView }) {
  const t = useTranslations("forecast");
  if (view.sentence === null) return null;
  const atLimit = view.forecast.kind === "at-limit";
  return (
    <Alert
      color={atLimit ? "red" : "orange"}
      variant="light"
      title={atLimit ? t("atLimitTitle") : t("alertTitle")}
      icon={atLimit ? <IconAlertTriangle size={18} /> : <IconTrendingUp size={18} />}
    >
      <Text size="sm">{view.sentence}</Text>
      {view.confidence && (
        <Text size="xs" c="dimmed" mt={4}>
          {view.confidence}
        </Text>
      )}
    </Alert>
  );
}
