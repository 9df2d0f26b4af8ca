"use client";

import { Box, Group, type MantineSize } from "@mantine/core";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { useServiceColor } from "./service-colors-context";

/** A service's colour swatch and name, as every trace view shows it (see service-colors-context.tsx). */
export function ServiceName({ name, size = "sm", fw = 500 }: { name: string; size?: MantineSize; fw?: number }) {
  const colorOf = useServiceColor();
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Box w={10} h={10} style={{ borderRadius: 3, flex: "none", background: colorOf(name) }} aria-hidden />
      <TruncatedValue value={name} size={size} fw={fw} maw="100%" />
    </Group>
  );
}
