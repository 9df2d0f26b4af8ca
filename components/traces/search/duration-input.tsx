"use client";

import { TextInput } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDurationInput, parseDurationInput } from "@/lib/trace/search/parse-duration-input";

/**
 * A duration box that accepts "250", "250ms", "1.5s", "800µs"… and commits on Enter or when
 * it loses focus (not on every keystroke: "1" on the way to "1.5s" is not a search).
 */
export function DurationInput({ label, value, onCommit }: { label: string; value: number | null; onCommit: (ms: number | null) => void }) {
  const t = useTranslations("traces.search");
  // Text being edited, or null to show the committed value (so a change of URL shows at once).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? formatDurationInput(value);
  const invalid = draft !== null && draft.trim() !== "" && parseDurationInput(draft) === null;

  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === "") {
      setDraft(null);
      if (value !== null) onCommit(null);
      return;
    }
    const ms = parseDurationInput(draft);
    if (ms === null) return;
    setDraft(null);
    if (ms !== value) onCommit(ms);
  };

  return (
    <TextInput
      label={label}
      placeholder={t("durationPlaceholder")}
      value={text}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
      error={invalid ? t("durationInvalid") : undefined}
    />
  );
}
