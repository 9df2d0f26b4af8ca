"use client";

import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { FetchJsonError } from "@/lib/client/fetch-json";

/**
 * Says why a request failed, in the reader's language; a message from the server is shown as
 * plain text (React escapes it), never as HTML.
 */
export function QueryErrorAlert({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const t = useTranslations("errors");
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={title}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error, t)}</Text>
        {onRetry && (
          <Button size="compact-sm" variant="outline" color="red" onClick={onRetry}>
            {t("retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function describeError(error: unknown, t: ReturnType<typeof useTranslations<"errors">>): string {
  if (!(error instanceof FetchJsonError)) return t("unknown", { message: error instanceof Error ? error.message : String(error) });
  switch (error.kind) {
    case "api":
      return error.message;
    case "http":
      return error.status === 404 ? t("notFound", { url: error.url }) : t("http", { status: error.status ?? 0, url: error.url });
    case "invalid_response":
      return t("invalidResponse", { url: error.url });
    case "network":
      return t("network", { url: error.url });
  }
}
