"use client";

import { ActionIcon, Group, Loader, Text, TextInput } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSearch } from "@tabler/icons-react";
import { useTranslations } from "next-intl";

/** The find box: typing marks matching rows; Enter / Shift+Enter (or the arrows) go through them. */
export function FindInTrace({
  value,
  onChange,
  matchCount,
  currentIndex,
  searching,
  onStep,
}: {
  value: string;
  onChange: (value: string) => void;
  matchCount: number;
  /** 0-based position of the selected span among the matches, or -1. */
  currentIndex: number;
  searching: boolean;
  onStep: (direction: 1 | -1) => void;
}) {
  const t = useTranslations("traces.find");
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        w={300}
        size="sm"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            onStep(event.shiftKey ? -1 : 1);
          } else if (event.key === "Escape") {
            onChange("");
          }
        }}
        placeholder={t("placeholder")}
        aria-label={t("label")}
        leftSection={<IconSearch size={16} />}
        rightSectionWidth={90}
        rightSection={
          value.trim() ? (
            <Group gap={4} wrap="nowrap" pr={6}>
              {searching && <Loader size={12} />}
              <Text size="xs" c="dimmed" aria-live="polite" data-testid="find-count">
                {matchCount === 0 ? t("none") : currentIndex >= 0 ? t("position", { current: currentIndex + 1, total: matchCount }) : t("count", { count: matchCount })}
              </Text>
            </Group>
          ) : null
        }
      />
      <ActionIcon variant="default" size="lg" onClick={() => onStep(-1)} disabled={matchCount === 0} aria-label={t("previous")}>
        <IconChevronUp size={16} />
      </ActionIcon>
      <ActionIcon variant="default" size="lg" onClick={() => onStep(1)} disabled={matchCount === 0} aria-label={t("next")}>
        <IconChevronDown size={16} />
      </ActionIcon>
    </Group>
  );
}
