"use client";

import { Grid, GridCol, Paper, Select } from "@mantine/core";
import { useTranslations } from "next-intl";
import { AUDIT_LIMIT_CHOICES, type AuditSearchFilters } from "@/lib/audit/search/search-params";
import { AUDIT_OPS } from "@/lib/schemas/audit";
import { CommittedTextInput } from "./committed-text-input";

const TEXT_FILTERS = ["table", "pk", "column", "value", "database", "actor", "dbUser", "application", "txid", "traceId"] as const;

/** The search form: each field writes its URL parameter when committed; the results follow the URL. */
export function AuditSearchFilters({ filters, onChange }: { filters: AuditSearchFilters; onChange: (patch: Partial<AuditSearchFilters>) => void }) {
  const t = useTranslations("audit.search");
  const limits = AUDIT_LIMIT_CHOICES.map(String);
  if (!limits.includes(String(filters.limit))) limits.push(String(filters.limit));
  return (
    <Paper withBorder p="md" component="section" aria-label={t("filtersLabel")}>
      <Grid gap="sm" align="flex-start">
        {TEXT_FILTERS.map((name) => (
          <GridCol key={name} span={{ base: 12, sm: 6, lg: name === "traceId" || name === "value" ? 4 : 2 }}>
            <CommittedTextInput
              label={t(`filters.${name}`)}
              placeholder={t(`placeholders.${name}`)}
              value={filters[name]}
              // Text the readers refuse is written anyway: the page then names it in its notice
              // instead of silently dropping what the user typed.
              onCommit={(value) => onChange({ [name]: value })}
              testId={`audit-filter-${name}`}
            />
          </GridCol>
        ))}
        <GridCol span={{ base: 6, lg: 2 }}>
          <Select
            label={t("filters.op")}
            placeholder={t("anyOp")}
            data={[...AUDIT_OPS]}
            value={filters.op}
            onChange={(op) => onChange({ op: op })}
            clearable
            data-testid="audit-filter-op"
          />
        </GridCol>
        <GridCol span={{ base: 6, lg: 2 }}>
          <Select label={t("filters.limit")} data={limits} value={String(filters.limit)} onChange={(limit) => limit && onChange({ limit: Number(limit) })} allowDeselect={false} />
        </GridCol>
      </Grid>
    </Paper>
  );
}
