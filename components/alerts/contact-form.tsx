"use client";

import { Alert, Button, Code, Group, SegmentedControl, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SectionCard } from "@/components/ui/section-card";
import type { Contact, ContactBody } from "@/lib/alerts/schemas";
import { queryKeys } from "@/lib/client/query-keys";
import { createContact, updateContact } from "./alerts-queries";
import { labelsFromPairs, pairsFromLabels } from "./label-pairs";

/**
 * Creates a contact point, or replaces the one being edited (`editing`; the parent remounts the
 * form with a new `key` per contact, so the fields start from it). A webhook's secret is never
 * sent from here: the server keeps the stored one, or generates one and it is shown once.
 */
export function ContactForm({ editing, onDone }: { editing: Contact | null; onDone: () => void }) {
  const t = useTranslations("alerts.contacts");
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<"webhook" | "email">(editing?.kind ?? "webhook");
  const [name, setName] = useState(editing?.name ?? "");
  const [url, setUrl] = useState(editing?.url ?? "");
  const [to, setTo] = useState<string[]>(editing?.to ?? []);
  const [matchers, setMatchers] = useState<string[]>(editing ? pairsFromLabels(editing.matchers) : []);
  const save = useMutation({
    mutationFn: () => {
      const routing = { matchers: labelsFromPairs(matchers) };
      const body: ContactBody = kind === "webhook" ? { kind, name, url, ...routing } : { kind, name, to, ...routing };
      return editing ? updateContact(editing.id, body) : createContact(body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.alerts.contacts() });
      if (!editing) {
        setName("");
        setUrl("");
        setTo([]);
        setMatchers([]);
      } else if (!saved.secret) {
        onDone();
      }
      // An edit that generated a secret (an e-mail contact turned webhook) stays open: the secret is shown once, here.
    },
  });
  return (
    <SectionCard title={editing ? t("editTitle", { name: editing.name }) : t("newTitle")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SegmentedControl value={kind} onChange={(v) => setKind(v)} data={[{ value: "webhook", label: t("kinds.webhook") }, { value: "email", label: t("kinds.email") }]} w={260} />
          <Group align="flex-end">
            <TextInput label={t("name")} value={name} onChange={(e) => setName(e.currentTarget.value)} w={260} data-testid="contact-name" />
            {kind === "webhook" ? (
              <TextInput label={t("url")} value={url} onChange={(e) => setUrl(e.currentTarget.value)} w={420} placeholder="https://" data-testid="contact-url" />
            ) : (
              <TagsInput label={t("to")} description={t("toHint")} value={to} onChange={setTo} w={420} data-testid="contact-to" />
            )}
          </Group>
          <TagsInput label={t("matchers")} description={t("matchersHint")} value={matchers} onChange={setMatchers} maw={700} placeholder="team=payments" data-testid="contact-matchers" />
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="contact-create">
              {editing ? t("save") : t("create")}
            </Button>
            {editing && (
              <Button variant="default" onClick={onDone} data-testid="contact-cancel">
                {t("cancel")}
              </Button>
            )}
          </Group>
          {save.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="contact-error">
              {save.error.message}
            </Alert>
          )}
          {save.data?.secret && (
            <Alert color="yellow" variant="light" title={t("secretTitle")} data-testid="contact-secret">
              <Stack gap={4}>
                <Text size="sm">{t("secretOnce")}</Text>
                <Code>{save.data.secret}</Code>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}
