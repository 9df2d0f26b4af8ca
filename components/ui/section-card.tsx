import { Box, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useId, type ReactNode } from "react";

/** A titled card that is also a labelled region, so tests and screen readers can find it by name. */
export function SectionCard({
  title,
  description,
  action,
  children,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId} h="100%">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {/* The action keeps its size; a long description wraps instead of squeezing it. */}
        {action && <Box style={{ flexShrink: 0 }}>{action}</Box>}
      </Group>
      {children}
    </Card>
  );
}
