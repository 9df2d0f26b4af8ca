"use client";

import { Tabs } from "@mantine/core";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

/** "List | Map": the services list and the service map are one tab apart; the window travels along. */
export function ServicesTabs({ active }: { active: "list" | "map" }) {
  const t = useTranslations("services.tabs");
  const search = useSearchParams().toString();
  const href = (path: string) => (search ? `${path}?${search}` : path);
  return (
    <Tabs value={active} mb="md" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="list" renderRoot={(props) => <Link {...props} href={href("/services")} prefetch={false} />}>
          {t("list")}
        </Tabs.Tab>
        <Tabs.Tab value="map" renderRoot={(props) => <Link {...props} href={href("/services/map")} prefetch={false} />}>
          {t("map")}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
