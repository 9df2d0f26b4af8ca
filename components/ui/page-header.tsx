import { Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function PageHeader({ title, description, badge }: { title: string; description?: string; badge?: ReactNode }) {
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} size="h2">
        {title} {badge}
      </Title>
      {description && <Text c="dimmed">{description}</Text>}
    </Stack>
  );
}
