"use client";

import { Badge } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { ViolationSummary } from "@/lib/consistency/schemas";

const COLOR = { missing: "red", late: "yellow", duplicate: "orange" } as const;

/** missing / late by N s / duplicate, the way every consistency view says it. */
export function ViolationStateBadge({ violation }: { violation: Pick<ViolationSummary, "state" | "lateMs"> }) {
  const t = useTranslations("consistency.state");
  const label = violation.state === "late" && violation.lateMs !== null ? t("lateBy", { seconds: Math.round(violation.lateMs / 1000) }) : t(violation.state);
  return (
    <Badge variant="light" color={COLOR[violation.state]} tt="none" data-testid="violation-state">
      {label}
    </Badge>
  );
}
