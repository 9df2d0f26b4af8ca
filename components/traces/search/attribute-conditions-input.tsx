"use client";

import { TagsInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { RangeKey } from "@/lib/client/query-keys";
import { conditionTags, suggestConditionTags, tagsToConditions } from "@/lib/trace/search/attribute-conditions";
import { spanAttributesQuery } from "../trace-queries";

/**
 * Attribute conditions as tags: `key=value` (equals) or a bare `key` (has it), all ANDed.
 * Keys and their common values are suggested from a sample of spans in the window.
 */
export function AttributeConditionsInput({
  range,
  service,
  attr,
  attrExists,
  onChange,
}: {
  range: RangeKey;
  service: string | null;
  attr: string[];
  attrExists: string[];
  onChange: (next: { attr: string[]; attrExists: string[] }) => void;
}) {
  const t = useTranslations("traces.search");
  const [search, setSearch] = useState("");
  const attributes = useQuery(spanAttributesQuery(range, service));
  const tags = conditionTags(attr, attrExists);
  const suggestions = useMemo(() => suggestConditionTags(search, attributes.data?.attributes ?? []).filter((s) => !tags.includes(s)), [search, attributes.data, tags]);

  return (
    <TagsInput
      label={t("attributes")}
      description={t("attributesHint")}
      placeholder={tags.length ? undefined : t("attributesPlaceholder")}
      value={tags}
      data={suggestions}
      searchValue={search}
      onSearchChange={setSearch}
      // Picking "key=" from the list means "now choose a value": keep typing, do not add it.
      onOptionSubmit={(option) => {
        if (option.endsWith("=")) requestAnimationFrame(() => setSearch(option));
      }}
      onChange={(next) => onChange(tagsToConditions(next.filter((tag) => !isKeyPrompt(tag))))}
      splitChars={[]}
      clearable
      acceptValueOnBlur
      filter={({ options }) => options}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** "key=" with nothing after: a suggestion that asks for a value, not a condition. */
function isKeyPrompt(tag: string): boolean {
  return tag.indexOf("=") === tag.length - 1;
}
