"use client";

import { Alert, Badge, Button, Group, Select, Skeleton, Stack, Table, TagsInput, Text, TextInput } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentUser } from "@/components/shell/current-user";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { Silence } from "@/lib/alerts/schemas";
import { roleAllows } from "@/lib/auth/roles";
import { queryKeys } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { LabelBadges } from "./alert-badges";
import { labelsFromPairs } from "./label-pairs";
import { alertRulesQuery, createSilence, endSilence, silencesQuery } from "./alerts-queries";

/** /alerts/silences: active and recent silences; a new one names a rule or label matchers, an end and a reason. */
export function SilencesPage() {
  const t = useTranslations("alerts.silences");
  const canEdit = roleAllows(useCurrentUser().role, "editor");
  const silences = useQuery(silencesQuery());
  return (
    <Stack gap="md">
      {canEdit && <NewSilence />}
      <SectionCard title={t("title")} description={t("description")}>
        {silences.isError ? (
          <QueryErrorAlert title={t("failed")} error={silences.error} onRetry={() => void silences.refetch()} />
        ) : silences.isPending ? (
          <Skeleton h={160} />
        ) : silences.data.silences.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("empty")}
          </Text>
        ) : (
          <SilencesTable silences={silences.data.silences} canEdit={canEdit} />
        )}
      </SectionCard>
    </Stack>
  );
}

function SilencesTable({ silences, canEdit }: { silences: Silence[]; canEdit: boolean }) {
  const t = useTranslations("alerts.silences");
  const timeZone = useBrowserTimeZone();
  const time = (ms: number) => (timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
  const rules = useQuery(alertRulesQuery());
  const ruleName = (id: string) => rules.data?.rules.find((r) => r.id === id)?.name ?? id;
  const queryClient = useQueryClient();
  const end = useMutation({ mutationFn: endSilence, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alerts.all() }) });
  return (
    <Table striped data-testid="silences-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("what")}</Table.Th>
          <Table.Th>{t("reason")}</Table.Th>
          <Table.Th>{t("from")}</Table.Th>
          <Table.Th>{t("until")}</Table.Th>
          <Table.Th>{t("by")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {silences.map((s) => (
          <Table.Tr key={s.id} data-testid="silence-row">
            <Table.Td>
              <Stack gap={2}>
                {s.ruleId && <Text size="sm">{ruleName(s.ruleId)}</Text>}
                <LabelBadges labels={s.matchers} />
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{s.reason}</Text>
            </Table.Td>
            <Table.Td>{time(s.startsAtMs)}</Table.Td>
            <Table.Td>{time(s.endsAtMs)}</Table.Td>
            <Table.Td>{s.createdBy}</Table.Td>
            <Table.Td>
              {s.active ? (
                canEdit && (
                  <Button size="compact-sm" variant="light" color="orange" onClick={() => end.mutate(s.id)} data-testid="silence-end">
                    {t("endNow")}
                  </Button>
                )
              ) : (
                <Badge variant="default" tt="none">
                  {t("ended")}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function NewSilence() {
  const t = useTranslations("alerts.silences");
  const queryClient = useQueryClient();
  const rules = useQuery(alertRulesQuery());
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [matchers, setMatchers] = useState<string[]>([]);
  const [endsAt, setEndsAt] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const create = useMutation({
    mutationFn: () =>
      createSilence({
        ...(ruleId ? { ruleId } : {}),
        matchers: labelsFromPairs(matchers),
        // The picker's local wall-clock time, read in the browser's zone.
        endsAtMs: endsAt ? new Date(endsAt.replace(" ", "T")).getTime() : 0,
        reason,
      }),
    onSuccess: async () => {
      setReason("");
      setMatchers([]);
      setRuleId(null);
      setEndsAt(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.alerts.all() });
    },
  });
  return (
    <SectionCard title={t("newTitle")} description={t("newDescription")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Group align="flex-end">
            <Select label={t("rule")} placeholder={t("anyRule")} data={(rules.data?.rules ?? []).map((r) => ({ value: r.id, label: r.name }))} value={ruleId} onChange={setRuleId} clearable searchable w={320} data-testid="silence-rule" />
            <TagsInput label={t("matchers")} description={t("matchersHint")} value={matchers} onChange={setMatchers} w={320} />
          </Group>
          <Group align="flex-end">
            <DateTimePicker label={t("endsAt")} value={endsAt} onChange={setEndsAt} minDate={new Date()} w={240} data-testid="silence-ends" valueFormat="YYYY-MM-DD HH:mm" />
            <TextInput label={t("reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={400} data-testid="silence-reason" />
            <Button type="submit" loading={create.isPending} data-testid="silence-create">
              {t("create")}
            </Button>
          </Group>
          {create.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="silence-error">
              {create.error.message}
            </Alert>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}
