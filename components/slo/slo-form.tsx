"use client";

import { Alert, Autocomplete, Button, Group, MultiSelect, NumberInput, SegmentedControl, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { contactsQuery, createSlo, servicesPickerQuery } from "@/components/alerts/alerts-queries";
import { BackLink } from "@/components/ui/back-link";
import { SectionCard } from "@/components/ui/section-card";
import { queryKeys } from "@/lib/client/query-keys";
import type { SloBody } from "@/lib/slo/schemas";

/** /slos/new: the SLO's scope, objective, target and window; the server judges the values. */
export function SloForm() {
  const t = useTranslations("slos.form");
  const router = useRouter();
  const queryClient = useQueryClient();
  const services = useQuery(servicesPickerQuery());
  const contacts = useQuery(contactsQuery());
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [service, setService] = useState("");
  const [operation, setOperation] = useState("");
  const [kind, setKind] = useState<"availability" | "latency">("availability");
  const [thresholdMs, setThresholdMs] = useState<number | string>(500);
  const [target, setTarget] = useState<number | string>(99.5);
  const [days, setDays] = useState<number | string>(28);
  const [alerts, setAlerts] = useState(true);
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [openIncident, setOpenIncident] = useState(false);
  const operations = useMemo(() => [...new Set((services.data?.services.find((s) => s.name === service)?.operations ?? []).map((o) => o.name))], [services.data, service]);
  const num = (v: number | string) => (typeof v === "number" ? v : null);

  const create = useMutation({
    mutationFn: () =>
      createSlo({
        name,
        description,
        service,
        ...(operation.trim() ? { operation: operation.trim() } : {}),
        objective: kind === "availability" ? { kind } : { kind, thresholdMs: num(thresholdMs) },
        targetPercent: num(target),
        windowDays: num(days),
        alerts,
        contactIds,
        openIncident,
      } as SloBody),
    onSuccess: async (slo) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.slos.all() });
      router.push(`/slos/${slo.id}`);
    },
  });

  return (
    <Stack gap="md">
      <BackLink href="/slos">{t("back")}</BackLink>
      <SectionCard title={t("title")} description={t("description")}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="md">
            <TextInput label={t("name")} value={name} onChange={(e) => setName(e.currentTarget.value)} w={420} data-testid="slo-name" />
            <Textarea label={t("descriptionField")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={1} />
            <Group align="flex-end">
              <Autocomplete label={t("service")} data={(services.data?.services ?? []).map((s) => s.name)} value={service} onChange={setService} w={240} data-testid="slo-service" />
              <Autocomplete label={t("operation")} placeholder={t("anyOperation")} data={operations} value={operation} onChange={setOperation} w={320} data-testid="slo-operation" />
            </Group>
            <Group align="flex-end">
              <SegmentedControl value={kind} onChange={(v) => setKind(v)} data={[{ value: "availability", label: t("availability") }, { value: "latency", label: t("latency") }]} />
              {kind === "latency" && <NumberInput label={t("thresholdMs")} value={thresholdMs} onChange={setThresholdMs} w={180} />}
              <NumberInput label={t("target")} value={target} onChange={setTarget} decimalScale={3} w={160} data-testid="slo-target" />
              <NumberInput label={t("windowDays")} value={days} onChange={setDays} w={160} />
            </Group>
            <Switch label={t("alerts")} description={t("alertsHint")} checked={alerts} onChange={(e) => setAlerts(e.currentTarget.checked)} />
            {alerts && (
              <Group align="flex-end">
                <MultiSelect label={t("contacts")} data={(contacts.data?.contacts ?? []).map((c) => ({ value: c.id, label: c.name }))} value={contactIds} onChange={setContactIds} w={420} />
                <Switch label={t("openIncident")} checked={openIncident} onChange={(e) => setOpenIncident(e.currentTarget.checked)} mb={8} />
              </Group>
            )}
            {create.isError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t("saveFailed")} data-testid="slo-save-error">
                {create.error.message}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={create.isPending} data-testid="slo-create">
                {t("create")}
              </Button>
            </Group>
          </Stack>
        </form>
      </SectionCard>
    </Stack>
  );
}
