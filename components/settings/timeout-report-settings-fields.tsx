"use client";

import { Fieldset, Radio, SimpleGrid, Stack, TagsInput, TextInput } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { ReportAttributes } from "@/lib/reports/report-attributes";
import type { TimeoutReportSettings } from "@/lib/reports/report-settings-schema";

// The fields of Settings → Timeout report: lists of attribute keys and statuses as Mantine
// TagsInputs (type, then Enter or a comma), table and column names as text inputs, and who may see the
// lists of ids. Read-only for everyone but admins. `errors` is keyed by the setting's path
// (`attributes.customer`), as the server's 400 names it.

type Audit = ReportAttributes["audit"];

/** Inputs with and without a description line up at their boxes, not at their labels. */
const INPUTS_ON_ONE_LINE = { alignItems: "end" } as const;

interface Props {
  value: TimeoutReportSettings;
  onChange: (next: TimeoutReportSettings) => void;
  errors: Record<string, string>;
  readOnly: boolean;
}

export function TimeoutReportSettingsFields({ value, onChange, errors, readOnly }: Props) {
  const t = useTranslations("settings.timeoutReport");
  const { attributes } = value;
  const setAttributes = (change: Partial<ReportAttributes>) => onChange({ ...value, attributes: { ...attributes, ...change } });
  const setOrders = (change: Partial<Audit["orders"]>) => setAttributes({ audit: { ...attributes.audit, orders: { ...attributes.audit.orders, ...change } } });
  const setPayments = (change: Partial<Audit["payments"]>) => setAttributes({ audit: { ...attributes.audit, payments: { ...attributes.audit.payments, ...change } } });
  const common = { readOnly, placeholder: readOnly ? undefined : t("addPlaceholder") };
  const tags = (label: string, path: string, current: string[], set: (next: string[]) => void, description?: string) => (
    <TagsInput {...common} label={label} description={description} value={current} onChange={set} error={errors[path]} />
  );
  const keys = (field: "customer" | "order" | "amount" | "currency") =>
    tags(t(`fields.${field}`), `attributes.${field}`, attributes[field], (next) => setAttributes({ [field]: next }), t(`hints.${field}`));
  const text = (label: string, path: string, current: string, set: (next: string) => void, description?: string) => (
    <TextInput label={label} description={description} value={current} readOnly={readOnly} onChange={(event) => set(event.currentTarget.value)} error={errors[path]} />
  );
  const orders = attributes.audit.orders;
  const payments = attributes.audit.payments;

  return (
    <Stack gap="md">
      <Fieldset legend={t("attributesLegend")}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {keys("customer")}
          {keys("order")}
          {keys("amount")}
          {keys("currency")}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t("ordersLegend")}>
        <SimpleGrid cols={{ base: 1, md: 3 }} style={INPUTS_ON_ONE_LINE}>
          {text(t("fields.ordersTable"), "attributes.audit.orders.table", orders.table, (table) => setOrders({ table }))}
          {text(t("fields.idColumn"), "attributes.audit.orders.idColumn", orders.idColumn, (idColumn) => setOrders({ idColumn }), t("hints.orderIdColumn"))}
          {text(t("fields.statusColumn"), "attributes.audit.orders.statusColumn", orders.statusColumn, (statusColumn) => setOrders({ statusColumn }))}
        </SimpleGrid>
        <Stack mt="sm">
          {tags(t("fields.unpaidStatuses"), "attributes.audit.orders.unpaidStatuses", orders.unpaidStatuses, (unpaidStatuses) => setOrders({ unpaidStatuses }), t("hints.unpaidStatuses"))}
        </Stack>
      </Fieldset>
      <Fieldset legend={t("paymentsLegend")}>
        <SimpleGrid cols={{ base: 1, md: 3 }} style={INPUTS_ON_ONE_LINE}>
          {text(t("fields.paymentsTable"), "attributes.audit.payments.table", payments.table, (table) => setPayments({ table }))}
          {text(t("fields.idColumn"), "attributes.audit.payments.idColumn", payments.idColumn, (idColumn) => setPayments({ idColumn }))}
          {text(t("fields.orderColumn"), "attributes.audit.payments.orderColumn", payments.orderColumn, (orderColumn) => setPayments({ orderColumn }))}
          {text(t("fields.statusColumn"), "attributes.audit.payments.statusColumn", payments.statusColumn, (statusColumn) => setPayments({ statusColumn }))}
          {text(t("fields.confirmedColumn"), "attributes.audit.payments.confirmedColumn", payments.confirmedColumn ?? "", (next) => setPayments({ confirmedColumn: next.trim() === "" ? null : next }), t("hints.confirmedColumn"))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
          {tags(t("fields.timedOutStatuses"), "attributes.audit.payments.timedOutStatuses", payments.timedOutStatuses, (timedOutStatuses) => setPayments({ timedOutStatuses }))}
          {tags(t("fields.succeededStatuses"), "attributes.audit.payments.succeededStatuses", payments.succeededStatuses, (succeededStatuses) => setPayments({ succeededStatuses }))}
        </SimpleGrid>
      </Fieldset>
      <Radio.Group
        label={t("listsLabel")}
        description={t("listsHint")}
        value={value.customerListsVisibleTo}
        onChange={(next) => onChange({ ...value, customerListsVisibleTo: next })}
        error={errors.customerListsVisibleTo}
      >
        <Stack gap={6} mt="xs">
          <Radio value="editor" label={t("listsEditor")} disabled={readOnly} />
          <Radio value="admin" label={t("listsAdmin")} disabled={readOnly} />
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
