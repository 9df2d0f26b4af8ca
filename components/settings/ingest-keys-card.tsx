"use client";

import { Badge, Button, Group, Modal, Table, Text } from "@mantine/core";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { ingestKeysQueryOptions, revokeIngestKey } from "@/lib/client/ingest-keys-query";
import { queryKeys } from "@/lib/client/query-keys";
import type { IngestKey } from "@/lib/schemas/ingest-keys";
import { CreateIngestKeyModal } from "./create-ingest-key-modal";

export function IngestKeysCard() {
  const t = useTranslations("settings.ingestKeys");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const keys = useQuery(ingestKeysQueryOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<IngestKey | null>(null);
  const revoke = useMutation({
    mutationFn: revokeIngestKey,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ingestKeys() }),
  });


  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("never"));

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
      <QueryStates query={keys} loadError={t("loadError")} isEmpty={(data) => data.keys.length === 0} empty={{ icon: IconKey, text: t("empty") }}>
        {(data) => (
        <Table striped verticalSpacing="sm" aria-label={t("title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("name")}</Table.Th>
              <Table.Th>{t("prefix")}</Table.Th>
              <Table.Th>{t("created")}</Table.Th>
              <Table.Th>{t("lastUsed")}</Table.Th>
              <Table.Th>{t("status")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.keys.map((key) => (
              <Table.Tr key={key.id}>
                <Table.Td>{key.name}</Table.Td>
                <Table.Td ff="monospace">{key.prefix}…</Table.Td>
                <Table.Td>{when(key.createdAt)}</Table.Td>
                <Table.Td>{when(key.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {key.revokedAt ? <Badge color="gray">{t("revoked")}</Badge> : <Badge color="teal">{t("active")}</Badge>}
                </Table.Td>
                <Table.Td ta="right">
                  {!key.revokedAt && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(key)}>
                      {t("revoke")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        )}
      </QueryStates>
      <CreateIngestKeyModal opened={creating} onClose={() => setCreating(false)} />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t("revokeTitle", { name: revoking?.name ?? "" })}>
        <Text size="sm">{t("revokeBody")}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRevoking(null)}>
            {t("cancel")}
          </Button>
          <Button
            color="red"
            onClick={() => {
              if (revoking) revoke.mutate(revoking.id);
              setRevoking(null);
            }}
          >
            {t("revoke")}
          </Button>
        </Group>
      </Modal>
    </SectionCard>
  );
}
