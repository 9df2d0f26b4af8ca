"use client";

import { ActionIcon, Box, Card, Group, Text, Tooltip } from "@mantine/core";
import { useInViewport } from "@mantine/hooks";
import { IconGripVertical, IconPencil, IconTrash } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

/** The class react-grid-layout drags panels by (dragConfig.handle): only the grip, so charts stay clickable. */
export const DRAG_HANDLE_CLASS = "dashboard-panel-handle";

/**
 * One panel's card: its title, in edit mode a grip to drag it by and buttons to edit or remove
 * it. The body is mounted once the card first scrolls into view and stays mounted, so a long
 * dashboard only queries what is looked at, and each panel loads on its own.
 */
export function PanelFrame({
  title,
  editing,
  eager = false,
  onEdit,
  onRemove,
  children,
}: {
  title: string;
  editing: boolean;
  /** Load with the page (a panel on the first screen), not when first scrolled into view. */
  eager?: boolean;
  onEdit: () => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("dashboards");
  const { ref, inViewport } = useInViewport();
  const [seen, setSeen] = useState(eager);
  // Adjusted while rendering (React's pattern for state derived from a changing input): once seen, kept.
  if (inViewport && !seen) setSeen(true);

  return (
    <Card withBorder padding="sm" radius="md" h="100%" data-testid="dashboard-panel" aria-label={title} component="section" style={{ display: "flex", flexDirection: "column" }}>
      <Group gap={6} wrap="nowrap" mb={6} style={{ flex: "none" }}>
        {editing && (
          <Tooltip label={t("dragHint")}>
            <ActionIcon variant="subtle" color="gray" size="sm" className={DRAG_HANDLE_CLASS} aria-label={t("dragNamed", { title })} style={{ cursor: "grab" }}>
              <IconGripVertical size={16} />
            </ActionIcon>
          </Tooltip>
        )}
        <Text size="sm" fw={600} truncate="end" title={title} style={{ flex: 1, minWidth: 0 }}>
          {title}
        </Text>
        {editing && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" size="sm" aria-label={t("editPanelNamed", { title })} onClick={onEdit}>
              <IconPencil size={15} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" size="sm" aria-label={t("removePanelNamed", { title })} onClick={onRemove}>
              <IconTrash size={15} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      <Box ref={ref} style={{ flex: 1, minHeight: 0 }}>
        {seen ? children : null}
      </Box>
    </Card>
  );
}
