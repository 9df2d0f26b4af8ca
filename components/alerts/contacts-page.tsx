"use client";

import { Alert, Badge, Button, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconAlertCircle, IconInfoCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentUser } from "@/components/shell/current-user";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { Contact, ContactTestResult } from "@/lib/alerts/schemas";
import { roleAllows } from "@/lib/auth/roles";
import { queryKeys } from "@/lib/client/query-keys";
import { LabelBadges } from "./alert-badges";
import { contactsQuery, deleteContact, testContact } from "./alerts-queries";
import { ContactForm } from "./contact-form";

/**
 * /alerts/contacts: webhook and e-mail contact points with the label matchers that route rules'
 * notifications to them; a webhook's generated secret is shown once.
 */
export function ContactsPage() {
  const t = useTranslations("alerts.contacts");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const contacts = useQuery(contactsQuery());
  const [editing, setEditing] = useState<Contact | null>(null);
  return (
    <Stack gap="md">
      {canEdit && <ContactForm key={editing?.id ?? "new"} editing={editing} onDone={() => setEditing(null)} />}
      <SectionCard title={t("title")} description={t("description")}>
        {contacts.isError ? (
          <QueryErrorAlert title={t("failed")} error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : contacts.isPending ? (
          <Skeleton h={160} />
        ) : (
          <Stack gap="sm">
            {!contacts.data.smtpConfigured && (
              <Alert variant="light" icon={<IconInfoCircle size={18} />} p="xs">
                {t("noSmtp")}
              </Alert>
            )}
            {contacts.data.contacts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("empty")}
              </Text>
            ) : (
              <ContactsTable contacts={contacts.data.contacts} canEdit={canEdit} onEdit={setEditing} />
            )}
          </Stack>
        )}
      </SectionCard>
    </Stack>
  );
}

function ContactsTable({ contacts, canEdit, onEdit }: { contacts: Contact[]; canEdit: boolean; onEdit: (contact: Contact) => void }) {
  const t = useTranslations("alerts.contacts");
  const queryClient = useQueryClient();
  const [tested, setTested] = useState<{ id: string; result: ContactTestResult } | null>(null);
  const test = useMutation({ mutationFn: testContact, onSuccess: (result, id) => setTested({ id, result }) });
  const remove = useMutation({ mutationFn: deleteContact, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alerts.contacts() }) });
  return (
    <Stack gap="xs">
      {tested && tested.result.status !== "sent" && (
        <Alert color={tested.result.status === "failed" ? "red" : "yellow"} variant="light" icon={<IconAlertCircle size={18} />} data-testid="contact-test-result">
          {t(tested.result.status === "failed" ? "testFailed" : "testPending", { name: contacts.find((c) => c.id === tested.id)?.name ?? "", error: tested.result.error ?? "" })}
        </Alert>
      )}
      {test.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
          {test.error.message}
        </Alert>
      )}
      <Table striped data-testid="contacts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("name")}</Table.Th>
            <Table.Th>{t("kind")}</Table.Th>
            <Table.Th>{t("target")}</Table.Th>
            <Table.Th>{t("routes")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.id} data-testid="contact-row">
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {t(`kinds.${c.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {c.kind === "webhook" ? c.url : c.to.join(", ")}
                </Text>
              </Table.Td>
              <Table.Td data-testid="contact-matchers-cell">
                {Object.keys(c.matchers).length ? (
                  <LabelBadges labels={c.matchers} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("pickedOnly")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {canEdit && (
                  <Group gap="xs" justify="flex-end">
                    <Button size="compact-sm" variant="subtle" onClick={() => onEdit(c)} data-testid="contact-edit">
                      {t("edit")}
                    </Button>
                    <Button size="compact-sm" variant="light" loading={test.isPending && test.variables === c.id} onClick={() => test.mutate(c.id)}>
                      {tested?.id === c.id && tested.result.status === "sent" ? t("testSent") : t("test")}
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.mutate(c.id)}>
                      {t("delete")}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
