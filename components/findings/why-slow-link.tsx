"use client";

import { Anchor, Tooltip } from "@mantine/core";
import { IconZoomQuestion } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { whySlowHref } from "@/lib/findings/why-slow-link";

/** "Why slow?" for an operation (or every request of a service) in a window: the BubbleUp page, from wherever a window is chosen. */
export function WhySlowLink(props: { service: string; operation?: string | null; fromMs: number; toMs: number; size?: "xs" | "sm" }) {
  const t = useTranslations("findings.whySlow");
  return (
    <Tooltip label={t("linkHint")} withArrow>
      <Anchor component={Link} prefetch={false} href={whySlowHref(props)} size={props.size ?? "sm"} style={{ flex: "none", whiteSpace: "nowrap", display: "inline-flex", alignItems: "center", gap: 4 }}>
        <IconZoomQuestion size={14} aria-hidden />
        {t("link")}
      </Anchor>
    </Tooltip>
  );
}
