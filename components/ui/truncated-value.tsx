"use client";

import { ActionIcon, CopyButton, Group, Text, Tooltip, type MantineSize } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { truncateText } from "@/lib/client/truncate-text";

// Past this many characters a value may not fit its chip or cell: it gets a tooltip with the
// whole value and a copy button. (CSS does the cutting, so short values that still do not fit a
// narrow cell are cut too; their tooltip-less ellipsis is the price of not measuring every cell.)
const LONG_VALUE = 40;
// A tooltip is for reading; past this, the copy button is the way to the whole value.
const MAX_TOOLTIP = 1000;

/**
 * A value that may be very long (a service name, an attribute, a filter from a URL): one line,
 * cut with an ellipsis at `maw`, the whole value on hover and a copy button when it is long.
 * `children` replaces the shown text (e.g. "service = …") while `value` is what is copied.
 */
export function TruncatedValue({
  value,
  children,
  maw = 320,
  size = "sm",
  fw,
  ff,
  lines,
}: {
  value: string;
  children?: ReactNode;
  maw?: number | string;
  size?: MantineSize;
  fw?: number;
  ff?: "monospace";
  /** Wrap over at most this many lines (a table cell of free text) instead of cutting one line. */
  lines?: number;
}) {
  const t = useTranslations("values");
  // lineClamp needs the display Mantine gives it (-webkit-box): no `display` on that branch.
  const text = lines ? (
    <Text span size={size} fw={fw} ff={ff} lineClamp={lines} maw={maw} miw={0} style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
      {children ?? value}
    </Text>
  ) : (
    <Text span size={size} fw={fw} ff={ff} truncate="end" maw={maw} display="block" miw={0}>
      {children ?? value}
    </Text>
  );
  if (value.length <= LONG_VALUE) return text;
  return (
    <Group gap={2} wrap="nowrap" miw={0} maw={maw} align={lines ? "flex-start" : "center"}>
      <Tooltip label={truncateText(value, MAX_TOOLTIP)} multiline maw={480} openDelay={300} style={{ overflowWrap: "anywhere" }}>
        {text}
      </Tooltip>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t("copied") : t("copy")} withArrow>
            <ActionIcon
              variant="subtle"
              size="xs"
              color={copied ? "teal" : "gray"}
              onClick={(event) => {
                // Inside a clickable row, copying must not also open the row.
                event.stopPropagation();
                copy();
              }}
              aria-label={t("copy")}
            >
              {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
