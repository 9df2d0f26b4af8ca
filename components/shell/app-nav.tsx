"use client";

import { NavLink, Stack } from "@mantine/core";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { withTimeRange } from "@/lib/client/time-range-params";
import { useTimeRange } from "@/lib/client/use-time-range";
import { roleAllows } from "@/lib/auth/roles";
import { useCurrentUser } from "./current-user";
import { isActiveHref, navItems } from "./nav-items";

/** Side navigation. Links carry the current window so moving between pages keeps it. */
export function AppNav({ onNavigate }: { onNavigate: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const { range } = useTimeRange();
  const { role } = useCurrentUser();
  const rangeParams = range ? { from: range.fromMs, to: range.toMs, rel: range.rel } : {};
  return (
    <Stack gap={2}>
      {navItems
        .filter((item) => !item.role || roleAllows(role, item.role))
        .map(({ key, href, icon: Icon, also = [] }) => {
        const active = [href, ...also].some((h) => isActiveHref(pathname, h));
        return (
          <NavLink
            key={key}
            component={Link}
            href={withTimeRange(href, rangeParams)}
            // Hrefs change whenever the window slides; prefetching would render every page on
            // the server at each auto-refresh tick. The pages are dynamic, so it saves little.
            prefetch={false}
            label={t(key)}
            leftSection={<Icon size={18} stroke={1.6} />}
            active={active}
            aria-current={active ? "page" : undefined}
            onClick={onNavigate}
            variant="light"
          />
        );
      })}
    </Stack>
  );
}
