"use client";

import { Badge, Button, Group, Modal, Skeleton, Text } from "@mantine/core";
import { IconDeviceFloppy, IconRestore } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { reportSettingsQuery, resetReportSettings, saveReportSettings } from "@/components/reports/report-queries";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { queryKeys } from "@/lib/client/query-keys";
import { zodFieldErrors } from "@/lib/client/zod-field-errors";
import { timeoutReportSettingsSchema, type TimeoutReportSettings, type TimeoutReportSettingsResponse } from "@/lib/reports/report-settings-schema";
import { TimeoutReportSettingsFields } from "./timeout-report-settings-fields";

// Settings → Timeout report: what the timeout report reads as customer, order, amount and
// currency, the audited tables that say what was left unpaid, and who sees the lists of ids.
// Admins edit (checked in the browser with the server's schema first, so a mistake is named at
// its field), everyone else reads. Saving invalidates every report, which then reads the change.

export function TimeoutReportSettingsCard({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("settings.timeoutReport");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const settings = useQuery(reportSettingsQuery());
  const [draft, setDraft] = useState<TimeoutReportSettings | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmingReset, setConfirmingReset] = useState(false);
  const settled = (data: TimeoutReportSettingsResponse) => {
    queryClient.setQueryData(queryKeys.reports.settings(), data);
    void queryClient.invalidateQueries({ queryKey: queryKeys.reports.all(), predicate: (q) => q.queryKey[1] !== "settings" });
    setDraft(null);
    setErrors({});
  };
  const save = useMutation({ mutationFn: saveReportSettings, onSuccess: settled });
  const reset = useMutation({ mutationFn: resetReportSettings, onSuccess: settled });

  const status = settings.data ? (
    settings.data.isDefault ? (
      <Badge variant="light" color="gray" data-testid="report-settings-status">
        {t("defaults")}
      </Badge>
    ) : (
      <Text size="xs" c="dimmed" data-testid="report-settings-status">
        {t("savedAt", { time: format.dateTime(new Date(settings.data.updatedAt ?? 0), { dateStyle: "medium", timeStyle: "short" }) })}
      </Text>
    )
  ) : null;

  return (
    <div id="timeout-report">
      <SectionCard title={t("title")} description={canEdit ? t("description") : `${t("description")} ${t("readOnly")}`} action={status}>
        {settings.isPending ? (
          <Skeleton h={320} />
        ) : settings.isError ? (
          <QueryErrorAlert title={t("loadError")} error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <>
            <TimeoutReportSettingsFields value={draft ?? settings.data.settings} onChange={setDraft} errors={errors} readOnly={!canEdit} />
            {(save.isError || reset.isError) && <QueryErrorAlert title={t("saveError")} error={save.error ?? reset.error} />}
            {canEdit && (
              <Group justify="space-between" mt="lg">
                <Button variant="default" leftSection={<IconRestore size={16} />} disabled={settings.data.isDefault || reset.isPending} onClick={() => setConfirmingReset(true)}>
                  {t("reset")}
                </Button>
                <Group gap="xs">
                  {draft && (
                    <Button variant="subtle" onClick={() => (setDraft(null), setErrors({}))}>
                      {t("discard")}
                    </Button>
                  )}
                  <Button
                    leftSection={<IconDeviceFloppy size={16} />}
                    disabled={draft === null}
                    loading={save.isPending}
                    onClick={() => {
                      if (!draft) return;
                      const parsed = timeoutReportSettingsSchema.safeParse(draft);
                      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
                      save.mutate(parsed.data);
                    }}
                  >
                    {t("save")}
                  </Button>
                </Group>
              </Group>
            )}
          </>
        )}
        <Modal opened={confirmingReset} onClose={() => setConfirmingReset(false)} title={t("resetTitle")}>
          <Text size="sm">{t("resetBody")}</Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setConfirmingReset(false)}>
              {t("cancel")}
            </Button>
            <Button
              color="red"
              onClick={() => {
                reset.mutate();
                setConfirmingReset(false);
              }}
            >
              {t("reset")}
            </Button>
          </Group>
        </Modal>
      </SectionCard>
    </div>
  );
}
