import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads the locale per request from i18n/request.ts (cookie, then Accept-Language);
// there are no locale-prefixed routes.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  reactStrictMode: true,
  experimental: {
    // Barrel packages: import only the components and icons a page uses.
    optimizePackageImports: ["@mantine/core", "@mantine/hooks", "@mantine/dates", "@tabler/icons-react"],
  },
};

export default withNextIntl(nextConfig);
