"use client";

import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TimeWindow } from "@/components/charts/time-series-model";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { queryKeys } from "@/lib/client/query-keys";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { createAnnotation } from "./annotation-queries";

/** Notes a window dragged on a chart; it then shows on every chart of that time. */
export function AnnotateModal({ window, service, onClose }: { window: TimeWindow; service: string | null; onClose: () => void }) {
  const t = useTranslations("chart.annotate");
  const timeZone = useBrowserTimeZone() ?? "UTC";
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [onlyService, setOnlyService] = useState(service !== null);
  const create = useMutation({
    mutationFn: createAnnotation,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.annotations.all() });
      onClose();
    },
  });

  return (
    <Modal opened onClose={onClose} title={t("title")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ timeMs: window.fromMs, endTimeMs: window.toMs, text: text.trim(), service: onlyService ? service : null });
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t("window", { from: formatInstant(window.fromMs, timeZone), to: formatInstant(window.toMs, timeZone) })}
          </Text>
          <Textarea label={t("text")} placeholder={t("placeholder")} value={text} onChange={(e) => setText(e.currentTarget.value)} data-autofocus required maxLength={1000} autosize minRows={2} />
          {service !== null ? <Checkbox label={t("onlyService", { service })} checked={onlyService} onChange={(e) => setOnlyService(e.currentTarget.checked)} /> : null}
          {create.isError ? <QueryErrorAlert title={t("failed")} error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!text.trim()}>
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
