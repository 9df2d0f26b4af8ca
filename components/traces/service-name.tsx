import { Box, Group, Text, type MantineSize } from "@mantine/core";
import { serviceColor } from "@/lib/trace/service-colors";

/** A service's colour swatch and name, as every trace view shows it. */
export function ServiceName({ name, size = "sm", fw = 500 }: { name: string; size?: MantineSize; fw?: number }) {
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Box w={10} h={10} style={{ borderRadius: 3, flex: "none", background: serviceColor(name) }} aria-hidden />
      <Text size={size} fw={fw} truncate>
        {name}
      </Text>
    </Group>
  );
}
