"use client";

import { ActionIcon, Box, Tooltip, useComputedColorScheme, useMantineColorScheme } from "@mantine/core";
import { IconMoon, IconSun } from "@tabler/icons-react";
import { useTranslations } from "next-intl";

/** Light/dark switch; Mantine remembers the choice in localStorage. */
export function ThemeToggle() {
  const t = useTranslations("header");
  const { setColorScheme } = useMantineColorScheme();
  // Read in an effect: the server cannot know the scheme, so rendering from it would mismatch.
  const computed = useComputedColorScheme("light", { getInitialValueInEffect: true });
  return (
    <Tooltip label={t("colorScheme")}>
      <ActionIcon variant="default" size="lg" aria-label={t("colorScheme")} onClick={() => setColorScheme(computed === "dark" ? "light" : "dark")}>
        {/* Both icons are rendered and CSS shows the right one, so server and client agree. */}
        <Box component="span" darkHidden>
          <IconMoon size={18} stroke={1.6} />
        </Box>
        <Box component="span" lightHidden>
          <IconSun size={18} stroke={1.6} />
        </Box>
      </ActionIcon>
    </Tooltip>
  );
}
