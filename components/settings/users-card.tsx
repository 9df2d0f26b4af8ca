"use client";

import { Badge, Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { IconUserPlus, IconUsers } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { RoleSelect } from "./role-select";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { updateUser, usersQueryOptions } from "@/lib/client/accounts-queries";
import { queryKeys } from "@/lib/client/query-keys";
import type { User } from "@/lib/schemas/users";
import { InviteUserModal } from "./invite-user-modal";

const statusColor = { active: "teal", invited: "blue", deactivated: "gray" } as const;

/** Users with their role and status; admins invite, change roles, deactivate and reactivate. */
export function UsersCard() {
  const t = useTranslations("settings.users");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const users = useQuery(usersQueryOptions());
  const [inviting, setInviting] = useState(false);
  const [toggling, setToggling] = useState<User | null>(null);
  // Both refresh every accounts query: the activity log gains a row with each change.
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all() });
  const changeRole = useMutation({ mutationFn: updateUser, onSettled: refresh });
  const changeActive = useMutation({
    mutationFn: updateUser,
    onSuccess: () => setToggling(null),
    onSettled: refresh,
  });

  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  const emailOf = (id: string | undefined) => users.data?.users.find((user) => user.id === id)?.email ?? "";
  const closeToggle = () => {
    changeActive.reset();
    setToggling(null);
  };
  const reactivating = toggling?.status === "deactivated";

  return (
    <SectionCard
      title={t("title")}
      description={t("description")}
      action={
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
          {t("invite")}
        </Button>
      }
    >
      <QueryStates query={users} loadError={t("loadError")} isEmpty={(data) => data.users.length === 0} empty={{ icon: IconUsers, text: t("empty") }}>
        {(data) => (
        <Stack>
          {/* A refused role change (e.g. 409: the last active admin) is said here, by the table it concerns. */}
          {changeRole.isError && <QueryErrorAlert title={t("roleError", { email: emailOf(changeRole.variables.id) })} error={changeRole.error} />}
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm" aria-label={t("title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("email")}</Table.Th>
                  <Table.Th>{t("name")}</Table.Th>
                  <Table.Th>{t("role")}</Table.Th>
                  <Table.Th>{t("status")}</Table.Th>
                  <Table.Th>{t("signInMethods")}</Table.Th>
                  <Table.Th>{t("lastSignIn")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.users.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td>
                      <RoleSelect
                        size="xs"
                        w={130}
                        aria-label={t("roleOf", { email: user.email })}
                        value={user.role}
                        disabled={changeRole.isPending && changeRole.variables.id === user.id}
                        onChange={(role) => {
                          if (role !== user.role) changeRole.mutate({ id: user.id, role });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[user.status]}>{t(`statuses.${user.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {user.signInMethods.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t("noMethod")}
                        </Text>
                      ) : (
                        user.signInMethods.map((method) => t(`methods.${method}`)).join(", ")
                      )}
                    </Table.Td>
                    <Table.Td>{when(user.lastSignInAt)}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-sm" variant="subtle" color={user.status === "deactivated" ? "teal" : "red"} onClick={() => setToggling(user)}>
                        {user.status === "deactivated" ? t("reactivate") : t("deactivate")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
        )}
      </QueryStates>
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
      <Modal
        opened={toggling !== null}
        onClose={closeToggle}
        title={reactivating ? t("reactivateTitle", { email: toggling.email }) : t("deactivateTitle", { email: toggling?.email ?? "" })}
      >
        <Stack>
          <Text size="sm">{reactivating ? t("reactivateBody") : t("deactivateBody")}</Text>
          {changeActive.isError && <QueryErrorAlert title={t("activeError", { email: toggling?.email ?? "" })} error={changeActive.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeToggle}>
              {t("cancel")}
            </Button>
            <Button
              color={reactivating ? "teal" : "red"}
              loading={changeActive.isPending}
              onClick={() => {
                if (toggling) changeActive.mutate({ id: toggling.id, active: reactivating });
              }}
            >
              {reactivating ? t("reactivate") : t("deactivate")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
