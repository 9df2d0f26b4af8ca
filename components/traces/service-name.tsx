import { Box, Group, type MantineSize } from "@mantine/core";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { serviceColor } from "@/lib/trace/service-colors";

/** A service's colour swatch and name, as every trace view shows it; `color` when a view assigned one (the service map). */
export function ServiceName({ name, size = "sm", fw = 500, color }: { name: string; size?: MantineSize; fw?: number; color?: string }) {
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Box w={10} h={10} style={{ borderRadius: 3, flex: "none", background: color ?? serviceColor(name) }} aria-hidden />
      <TruncatedValue value={name} size={size} fw={fw} maw="100%" />
    </Group>
  );
}
