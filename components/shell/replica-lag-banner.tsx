"use client";

import { Alert } from "@mantine/core";
import { IconClockExclamation } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { healthQueryOptions } from "@/lib/client/health-query";
import { replicaLagNotice } from "@/lib/client/replica-lag-notice";

// With DATABASE_READ_URL, pages read from a streaming replica: when it falls behind, every page
// says so above its content, so an empty last minute is not taken for an outage. Without a
// replica health carries no `readReplica` and this renders nothing.
const POLL_MS = 15_000;

export function ReplicaLagBanner() {
  const t = useTranslations("replicaLag");
  const { data } = useQuery({ ...healthQueryOptions(), refetchInterval: POLL_MS });
  const notice = replicaLagNotice(data);
  if (!notice) return null;
  const behind = notice.kind === "behind";
  return (
    <Alert
      mb="md"
      color={behind ? "yellow" : "red"}
      variant="light"
      icon={<IconClockExclamation size={18} />}
      title={behind ? t("behindTitle", { seconds: notice.seconds }) : t("downTitle")}
      data-testid="replica-lag-banner"
    >
      {behind ? t("behind", { seconds: notice.seconds }) : t("down")}
    </Alert>
  );
}
