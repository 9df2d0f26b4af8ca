"use client";

import { Button } from "@mantine/core";
import { IconBellPlus } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCurrentUser } from "@/components/shell/current-user";
import { roleAllows } from "@/lib/auth/roles";

/** A service page's way to a new error-rate alert on it, the rule form prefilled through the address. */
export function CreateAlertButton({ service }: { service: string }) {
  const t = useTranslations("alerts.rules");
  if (!roleAllows(useCurrentUser().role, "editor")) return null;
  const params = new URLSearchParams({ service, measure: "error-percent" });
  return (
    <Button component={Link} href={`/alerts/rules/new?${params.toString()}`} variant="light" size="xs" leftSection={<IconBellPlus size={14} />} data-testid="create-alert">
      {t("createForService")}
    </Button>
  );
}
