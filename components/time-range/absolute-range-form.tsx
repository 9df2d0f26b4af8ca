"use client";

import { Button, Stack, Text } from "@mantine/core";
import { InlineDateTimePicker, type DateStringValue } from "@mantine/dates";
import dayjs from "dayjs";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { dayjsLocales } from "@/i18n/locales";
import type { TimeRange } from "@/lib/client/time-range";

type RangeValue = [DateStringValue | null, DateStringValue | null];

// Mantine's date values are local wall-clock strings; dayjs reads and writes them in the
// browser's zone, which is the zone the picker tells the user it uses.
const toPickerValue = (ms: number): DateStringValue => dayjs(ms).format("YYYY-MM-DD HH:mm:ss");
const fromPickerValue = (value: DateStringValue | null): number | null => (value ? dayjs(value).valueOf() : null);

/** Calendar with start and end times; applying it sets an absolute window. */
export function AbsoluteRangeForm({ range, onApply }: { range: TimeRange; onApply: (range: TimeRange) => void }) {
  const t = useTranslations("timeRange");
  const dayjsLocale = dayjsLocales[useLocale()];
  const dayLabelFormat = t("calendar.dayLabelFormat");
  const [value, setValue] = useState<RangeValue>(() => [toPickerValue(range.fromMs), toPickerValue(range.toMs)]);
  const fromMs = fromPickerValue(value[0]);
  const toMs = fromPickerValue(value[1]);
  const valid = fromMs !== null && toMs !== null && fromMs < toMs;

  const timeLabels = (which: "startTime" | "endTime") => ({
    label: t(which),
    hoursInputLabel: `${t(which)} · ${t("hours")}`,
    minutesInputLabel: `${t(which)} · ${t("minutes")}`,
    secondsInputLabel: `${t(which)} · ${t("seconds")}`,
  });

  return (
    <Stack gap="xs">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {t("absoluteRange")}
      </Text>
      <InlineDateTimePicker
        type="range"
        value={value}
        onChange={setValue}
        withSeconds
        fullWidth={false}
        allowSingleDateInRange
        monthLabelFormat={t("calendar.monthLabelFormat")}
        getDayAriaLabel={(date) => dayjs(date).locale(dayjsLocale).format(dayLabelFormat)}
        ariaLabels={{
          previousMonth: t("calendar.previousMonth"),
          nextMonth: t("calendar.nextMonth"),
          previousYear: t("calendar.previousYear"),
          nextYear: t("calendar.nextYear"),
          previousDecade: t("calendar.previousDecade"),
          nextDecade: t("calendar.nextDecade"),
          monthLevelControl: t("calendar.monthLevelControl"),
          yearLevelControl: t("calendar.yearLevelControl"),
        }}
        valueFormat="YYYY-MM-DD HH:mm:ss"
        labelSeparator="→"
        timePickerProps={timeLabels("startTime")}
        endTimePickerProps={timeLabels("endTime")}
        // The built-in check button has no text; the labelled button below applies instead.
        styles={{ submitButton: { display: "none" } }}
      />
      {!valid && (
        <Text size="xs" c="red" role="alert">
          {t("invalid")}
        </Text>
      )}
      <Button disabled={!valid} onClick={() => valid && onApply({ fromMs, toMs, rel: null })}>
        {t("apply")}
      </Button>
    </Stack>
  );
}
