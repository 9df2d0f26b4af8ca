"use client";

import { Alert, Button, Code, CopyButton, Group, Stack } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A secret shown right after it was made and never again (ingest keys, API tokens, invite
 * links): Sightline keeps only its hash, so the reader copies it now.
 */
export function ShownOnceSecret({
  notice,
  value,
  testId,
  labels,
  onDone,
}: {
  notice: ReactNode;
  value: string;
  testId: string;
  labels: { copy: string; copied: string; done: string };
  onDone: () => void;
}) {
  return (
    <Stack>
      <Alert color="yellow" variant="light">
        {notice}
      </Alert>
      <Code block data-testid={testId}>
        {value}
      </Code>
      <Group justify="flex-end">
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? labels.copied : labels.copy}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{labels.done}</Button>
      </Group>
    </Stack>
  );
}
