"use client";

import { Code, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { SectionCard } from "@/components/ui/section-card";
import { INGEST_KEY_PLACEHOLDER, otlpEndpoint, otlpEnvironment } from "@/lib/client/otlp-env";
import { CopyValue } from "./copy-value";

const subscribeNever = () => () => {};
// The address the reader reached Sightline at. The server renders the one the request named
// (`serverOrigin`), so the endpoint is in the HTML instead of a skeleton until scripts run;
// the browser's own replaces it after hydration where the two differ.
const readOrigin = () => window.location.origin;

export function SendDataCard({ serverOrigin = null }: { serverOrigin?: string | null }) {
  const t = useTranslations("sendData");
  const origin = useSyncExternalStore(subscribeNever, readOrigin, () => serverOrigin);
  const endpoint = origin ? otlpEndpoint(origin) : null;
  const environment = origin ? otlpEnvironment(origin) : null;

  return (
    <SectionCard title={t("title")} description={t("intro")}>
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("endpoint")}
          </Text>
          {endpoint ? (
            <Group gap="xs" wrap="nowrap">
              <Code fz="sm" style={{ wordBreak: "break-all" }} data-testid="otlp-endpoint">
                {endpoint}
              </Code>
              <CopyValue value={endpoint} label={t("copyEndpoint")} />
            </Group>
          ) : (
            <Skeleton height={24} width="60%" />
          )}
        </Stack>
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={600}>
              {t("environment")}
            </Text>
            {environment && <CopyValue value={environment} label={t("copyEnvironment")} />}
          </Group>
          {environment ? (
            <Code block fz="sm" style={{ overflowX: "auto" }} data-testid="otlp-environment">
              {environment}
            </Code>
          ) : (
            <Skeleton height={96} />
          )}
          <Text size="xs" c="dimmed">
            {t.rich("keyHint", { placeholder: INGEST_KEY_PLACEHOLDER, code: (chunks) => <Code>{chunks}</Code> })}
          </Text>
        </Stack>
      </Stack>
    </SectionCard>
  );
}
