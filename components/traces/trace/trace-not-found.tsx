"use client";

import { Alert, Box, Button, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconSearch } from "@tabler/icons-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { withTimeRange } from "@/lib/client/time-range-params";
import { truncateText } from "@/lib/client/truncate-text";
import { useTimeRange } from "@/lib/client/use-time-range";
import { useLastTraceSearchHref } from "../search/last-trace-search";

/**
 * A trace page that has no trace to show: the id is not one, or no span of it is stored, or the
 * request failed (`children` says why). Always with the way back to the search the user came
 * from (or, opened from a link, a search over the same window).
 */
export function TraceNotFound({ traceId, kind, children }: { traceId: string; kind: "invalid" | "unknown" | "failed"; children?: ReactNode }) {
  const t = useTranslations("traces.trace.missing");
  const { range } = useTimeRange();
  const back = useLastTraceSearchHref(withTimeRange("/traces", range ? { from: range.fromMs, to: range.toMs, rel: range.rel } : {}));
  const id = truncateText(traceId, 80);
  return (
    <Stack gap="md" align="flex-start">
      {kind === "failed" ? (
        <Box w="100%">{children}</Box>
      ) : (
        <Alert color="yellow" variant="light" icon={<IconSearch size={18} />} title={t(`${kind}Title`)} w="100%">
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t(`${kind}Body`, { id })}
          </Text>
        </Alert>
      )}
      <Button component={Link} href={back} variant="default" leftSection={<IconArrowLeft size={16} />} prefetch={false}>
        {t("back")}
      </Button>
    </Stack>
  );
}
