"use client";

import { Alert, Button, Code, CopyButton, Group, Select, Stack, Table, Text } from "@mantine/core";
import { IconLink } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { queryKeys } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import type { ShareLink } from "@/lib/incidents/schemas";
import { createShareLink, revokeShareLink, shareLinksQuery } from "./incident-queries";

// An editor's share links for one incident: make one with an expiry (its address is shown once,
// only the token's hash is kept), see each one's state and views, revoke it.

const EXPIRY_HOURS = [24, 168, 720] as const;

export function ShareLinksCard({ incidentId }: { incidentId: string }) {
  const t = useTranslations("incidents.share");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const queryClient = useQueryClient();
  const [hours, setHours] = useState<number>(168);
  const [created, setCreated] = useState<string | null>(null);
  const links = useQuery(shareLinksQuery(incidentId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.incidents.shareLinks(incidentId) });
  const create = useMutation({
    mutationFn: () => createShareLink(incidentId, hours),
    onSuccess: async (answer) => {
      setCreated(new URL(answer.path, window.location.origin).toString());
      await refresh();
    },
  });
  const revoke = useMutation({ mutationFn: revokeShareLink, onSuccess: refresh });
  const at = (ms: number) => formatInstant(ms, timeZone);
  // Expired as of when the list was read (rendering must not read the clock).
  const stateOf = (link: ShareLink) =>
    link.revokedAtMs !== null ? t("revoked", { time: at(link.revokedAtMs) }) : link.expiresAtMs <= links.dataUpdatedAt ? t("expired", { time: at(link.expiresAtMs) }) : t("active", { time: at(link.expiresAtMs) });

  return (
    <SectionCard title={t("title")} description={t("description")}>
      <Stack gap="sm">
        <Group align="flex-end">
          <Select
            label={t("expiresIn")}
            data={EXPIRY_HOURS.map((h) => ({ value: String(h), label: h < 48 ? t("hours", { count: h }) : t("days", { count: h / 24 }) }))}
            value={String(hours)}
            onChange={(v) => v && setHours(Number(v))}
            allowDeselect={false}
            w={160}
          />
          <Button leftSection={<IconLink size={16} />} onClick={() => create.mutate()} loading={create.isPending} data-testid="share-create">
            {t("create")}
          </Button>
        </Group>
        {create.isError ? <QueryErrorAlert title={t("createFailed")} error={create.error} /> : null}
        {created ? (
          <Alert color="blue" variant="light" title={t("createdTitle")}>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ overflowWrap: "anywhere" }} data-testid="share-url">
                {created}
              </Code>
              <CopyButton value={created}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t("copied") : t("copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        ) : null}
        {revoke.isError ? <QueryErrorAlert title={t("revokeFailed")} error={revoke.error} /> : null}
        <QueryStates query={links} loadError={t("failed")} isEmpty={(data) => data.shareLinks.length === 0} empty={{ icon: IconLink, text: t("empty") }}>
          {(data) => (
            <Table data-testid="share-links">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("columns.created")}</Table.Th>
                  <Table.Th>{t("columns.state")}</Table.Th>
                  <Table.Th ta="right">{t("columns.views")}</Table.Th>
                  <Table.Th>{t("columns.lastViewed")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.shareLinks.map((link) => (
                  <Table.Tr key={link.id}>
                    <Table.Td>
                      <Text size="sm">{at(link.createdAtMs)}</Text>
                      <Text size="xs" c="dimmed">
                        {link.createdBy}
                      </Text>
                    </Table.Td>
                    <Table.Td>{stateOf(link)}</Table.Td>
                    <Table.Td ta="right">{link.viewCount}</Table.Td>
                    <Table.Td>{link.lastViewedAtMs === null ? t("never") : at(link.lastViewedAtMs)}</Table.Td>
                    <Table.Td>
                      {link.revokedAtMs === null ? (
                        <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate(link.id)} loading={revoke.isPending && revoke.variables === link.id}>
                          {t("revoke")}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryStates>
      </Stack>
    </SectionCard>
  );
}
