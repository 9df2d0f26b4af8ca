"use client";

import { Button, Menu, Text, Tooltip } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { IconCheck, IconChevronDown, IconRefresh } from "@tabler/icons-react";
import { useIsFetching } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  REFRESH_INTERVALS,
  REFRESH_INTERVAL_STORAGE_KEY,
  parseRefreshInterval,
  refreshIntervalMs,
  type RefreshInterval,
} from "@/lib/client/refresh-interval";
import { liveRelativeSpec } from "@/lib/client/time-range";
import { useTimeRange } from "@/lib/client/use-time-range";
import { useAutoRefresh } from "./use-auto-refresh";
import classes from "./refresh-control.module.css";
import { useRefresh } from "./use-refresh";

/** Grafana's split button: refresh now, and an auto-refresh interval kept in localStorage. */
export function RefreshControl() {
  const t = useTranslations("refresh");
  const { range, pinned } = useTimeRange();
  const [interval, setRefreshInterval] = useLocalStorage<RefreshInterval>({
    key: REFRESH_INTERVAL_STORAGE_KEY,
    defaultValue: "off",
    serialize: (value) => value,
    deserialize: parseRefreshInterval,
  });
  const refresh = useRefresh();
  const fetching = useIsFetching() > 0;
  useAutoRefresh(refreshIntervalMs(interval), () => refresh("auto"));

  const intervalLabel = t(`intervals.${interval}`);
  const note = pinned ? t("pinnedNote") : range && liveRelativeSpec(range) ? t("relativeNote") : t("absoluteNote");

  return (
    <Button.Group>
      <Tooltip label={t("now")}>
        <Button variant="default" px="xs" aria-label={t("now")} aria-busy={fetching} onClick={() => refresh("manual")}>
          <IconRefresh size={18} stroke={1.6} className={fetching ? classes.spinning : undefined} />
        </Button>
      </Tooltip>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            px="xs"
            aria-label={t("current", { interval: intervalLabel })}
            rightSection={<IconChevronDown size={14} />}
          >
            {interval === "off" ? null : intervalLabel}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={220}>
          <Menu.Label>{t("menu")}</Menu.Label>
          {REFRESH_INTERVALS.map((option) => (
            <Menu.Item
              key={option}
              onClick={() => setRefreshInterval(option)}
              rightSection={option === interval ? <IconCheck size={14} /> : null}
              aria-current={option === interval ? "true" : undefined}
            >
              {t(`intervals.${option}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Text size="xs" c="dimmed" px="sm" py={4} maw={240}>
            {note}
          </Text>
        </Menu.Dropdown>
      </Menu>
    </Button.Group>
  );
}
