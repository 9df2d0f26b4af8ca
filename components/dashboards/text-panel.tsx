import { ScrollArea, Text } from "@mantine/core";

/** A note: plain text as typed, line breaks kept; React escapes it, so markup shows as text. */
export function TextPanel({ text }: { text: string }) {
  return (
    <ScrollArea h="100%" type="auto">
      <Text size="sm" data-testid="text-panel" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {text}
      </Text>
    </ScrollArea>
  );
}
