import {
  IconAlertTriangle,
  IconBell,
  IconChartLine,
  IconChecklist,
  IconDatabase,
  IconHistory,
  IconLayoutDashboard,
  IconLayoutGrid,
  IconReportAnalytics,
  IconRoute,
  IconServer2,
  IconSettings,
  type Icon,
} from "@tabler/icons-react";
import type { Role } from "@/lib/auth/roles";

export type NavKey = "overview" | "services" | "traces" | "metrics" | "dashboards" | "database" | "audit" | "consistency" | "reports" | "incidents" | "alerts" | "settings";

export interface NavItem {
  key: NavKey;
  href: string;
  icon: Icon;
  /** The role the page needs; the menu hides it from smaller roles. */
  role?: Role;
  /** Other pages the item stands for (its tabs), so it stays lit on them. */
  also?: readonly string[];
}

/** Every page of the dashboard, in menu order. Labels are `nav.<key>` in the catalogues. */
export const navItems: readonly NavItem[] = [
  { key: "overview", href: "/", icon: IconLayoutDashboard },
  { key: "services", href: "/services", icon: IconServer2 },
  { key: "traces", href: "/traces", icon: IconRoute },
  { key: "metrics", href: "/metrics", icon: IconChartLine },
  { key: "dashboards", href: "/dashboards", icon: IconLayoutGrid },
  { key: "database", href: "/database", icon: IconDatabase },
  { key: "audit", href: "/audit", icon: IconHistory },
  { key: "consistency", href: "/consistency", icon: IconChecklist },
  { key: "reports", href: "/reports", icon: IconReportAnalytics },
  { key: "incidents", href: "/incidents", icon: IconAlertTriangle },
  { key: "alerts", href: "/alerts", icon: IconBell, also: ["/slos", "/jobs"] },
  // Everyone reads the timeout report's settings there; the rest of the page is for admins.
  { key: "settings", href: "/settings", icon: IconSettings },
];

export function isActiveHref(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
