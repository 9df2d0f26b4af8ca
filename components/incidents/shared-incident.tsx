"use client";

import { Alert, Badge, Container, Group, Stack, Text } from "@mantine/core";
import { IconLinkOff, IconRadar2 } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { Incident } from "@/lib/incidents/schemas";
import type { TimeoutReport } from "@/lib/reports/schemas";
import { IncidentBody } from "./incident-body";
import { IncidentHeading } from "./incident-record";

// What a share link shows: the incident and its report, read-only, with no way into the app.

function ShareFrame({ children }: { children: ReactNode }) {
  const t = useTranslations();
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <Group gap={8}>
            <IconRadar2 size={26} stroke={1.8} color="var(--mantine-primary-color-filled)" />
            <Text fw={700} size="lg">
              {t("app.name")}
            </Text>
            <Badge variant="light" color="gray">
              {t("incidents.shared.badge")}
            </Badge>
          </Group>
          <Group gap="xs">
            <LanguageSwitch />
            <ThemeToggle />
          </Group>
        </Group>
        {children}
      </Stack>
    </Container>
  );
}

export function SharedIncident({ incident, report, expiresAtMs }: { incident: Incident; report: TimeoutReport; expiresAtMs: number }) {
  const t = useTranslations("incidents.shared");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  return (
    <ShareFrame>
      <Stack gap="lg" data-testid="shared-incident">
        <IncidentHeading incident={incident} />
        <IncidentBody incident={incident} report={report} linked={false} />
        <Text size="xs" c="dimmed">
          {t("footer", { time: formatInstant(expiresAtMs, timeZone) })}
        </Text>
      </Stack>
    </ShareFrame>
  );
}

export function ShareRefused({ state }: { state: "unknown" | "expired" | "revoked" }) {
  const t = useTranslations("incidents.shared");
  return (
    <ShareFrame>
      <Alert color={state === "unknown" ? "gray" : "orange"} variant="light" icon={<IconLinkOff size={20} />} title={t(`${state}Title`)} data-testid="share-refused">
        {t(state)}
      </Alert>
    </ShareFrame>
  );
}
