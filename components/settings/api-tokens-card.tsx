"use client";

import { Badge, Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { IconPlus, IconTerminal2 } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { apiTokensQueryOptions, revokeApiToken } from "@/lib/client/accounts-queries";
import { apiTokenStatus } from "@/lib/client/api-token-status";
import { queryKeys } from "@/lib/client/query-keys";
import type { ApiToken } from "@/lib/schemas/api-tokens";
import { CreateApiTokenModal } from "./create-api-token-modal";

const statusColor = { active: "teal", expired: "orange", revoked: "gray" } as const;

/** Tokens for scripts: role-scoped, with expiry and last use; the secret is never listed. */
export function ApiTokensCard() {
  const t = useTranslations("settings.apiTokens");
  const roleWords = useTranslations("auth.roles");
  const format = useFormatter();
  // Re-read each minute so a token that expires while the page is open says so.
  const now = useNow({ updateInterval: 60_000 });
  const queryClient = useQueryClient();
  const tokens = useQuery(apiTokensQueryOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => setRevoking(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all() }),
  });

  const when = (iso: string | null, none: string) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : none);
  const closeRevoke = () => {
    revoke.reset();
    setRevoking(null);
  };

  return (
    <SectionCard
      title={t("title")}
      description={t("description")}
      action={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t("create")}
        </Button>
      }
    >
      <QueryStates query={tokens} loadError={t("loadError")} isEmpty={(data) => data.tokens.length === 0} empty={{ icon: IconTerminal2, text: t("empty") }}>
        {(data) => (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="sm" aria-label={t("title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("name")}</Table.Th>
                <Table.Th>{t("prefix")}</Table.Th>
                <Table.Th>{t("role")}</Table.Th>
                <Table.Th>{t("createdBy")}</Table.Th>
                <Table.Th>{t("created")}</Table.Th>
                <Table.Th>{t("expires")}</Table.Th>
                <Table.Th>{t("lastUsed")}</Table.Th>
                <Table.Th>{t("status")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.tokens.map((token) => {
                const status = apiTokenStatus(token, now.getTime());
                return (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td ff="monospace">{token.prefix}…</Table.Td>
                    <Table.Td>{roleWords(token.role)}</Table.Td>
                    <Table.Td>{token.createdBy ?? t("unknownCreator")}</Table.Td>
                    <Table.Td>{when(token.createdAt, "")}</Table.Td>
                    <Table.Td>{when(token.expiresAt, t("neverExpires"))}</Table.Td>
                    <Table.Td>{when(token.lastUsedAt, t("neverUsed"))}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[status]}>{t(`statuses.${status}`)}</Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {!token.revokedAt && (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(token)}>
                          {t("revoke")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        )}
      </QueryStates>
      <CreateApiTokenModal opened={creating} onClose={() => setCreating(false)} />
      <Modal opened={revoking !== null} onClose={closeRevoke} title={t("revokeTitle", { name: revoking?.name ?? "" })}>
        <Stack>
          <Text size="sm">{t("revokeBody")}</Text>
          {revoke.isError && <QueryErrorAlert title={t("revokeError")} error={revoke.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeRevoke}>
              {t("cancel")}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => {
                if (revoking) revoke.mutate(revoking.id);
              }}
            >
              {t("revoke")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
