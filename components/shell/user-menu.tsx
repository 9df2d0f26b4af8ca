"use client";

import { ActionIcon, Badge, Menu, Text, Tooltip } from "@mantine/core";
import { IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCurrentUser } from "./current-user";

/** Who is signed in, with which role, and the way out. */
export function UserMenu() {
  const t = useTranslations("auth");
  const user = useCurrentUser();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    await fetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    // A full load, not a client navigation: nothing of this user's cached data may outlive the session.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/sign-in");
  };

  return (
    <Menu position="bottom-end" withinPortal width={260}>
      <Menu.Target>
        <Tooltip label={t("account")}>
          <ActionIcon variant="default" size="lg" aria-label={t("account")} loading={signingOut}>
            <IconUserCircle size={18} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("signedInAs")}</Menu.Label>
        <Text px="sm" size="sm" fw={600} truncate="end" title={user.label} data-testid="current-user">
          {user.name || user.label}
        </Text>
        {user.name ? (
          <Text px="sm" size="xs" c="dimmed" truncate="end" title={user.label}>
            {user.label}
          </Text>
        ) : null}
        <Badge mx="sm" my={6} variant="light" data-testid="current-role">
          {t(`roles.${user.role}`)}
        </Badge>
        {user.kind === "session" ? (
          <>
            <Menu.Divider />
            <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
              {t("signOut")}
            </Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
