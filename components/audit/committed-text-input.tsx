"use client";

import { TextInput } from "@mantine/core";
import { useState, type ReactNode } from "react";

/**
 * A text filter that writes the URL when the user is done with it (Enter or leaving the field),
 * not on every key: each write is a history entry and a search. An emptied field clears the filter.
 */
export function CommittedTextInput({
  label,
  value,
  placeholder,
  description,
  onCommit,
  testId,
}: {
  label: string;
  value: string | null;
  placeholder?: string;
  description?: ReactNode;
  onCommit: (value: string | null) => void;
  testId?: string;
}) {
  const [draft, setDraft] = useState<{ shown: string | null; text: string }>({ shown: value, text: value ?? "" });
  // A new value from the URL (Back, a chip removed) replaces what is typed.
  const text = draft.shown === value ? draft.text : (value ?? "");
  const commit = () => {
    const next = text.trim() === "" ? null : text;
    if (next !== value) onCommit(next);
  };
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      description={description}
      value={text}
      onChange={(event) => setDraft({ shown: value, text: event.currentTarget.value })}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
      data-testid={testId}
      spellCheck={false}
    />
  );
}
