import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { apiContentSecurityPolicy, securityHeaders } from "./lib/auth/content-security-policy";

// next-intl reads the locale per request from i18n/request.ts (cookie, then Accept-Language);
// there are no locale-prefixed routes.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Security headers on every response; pages get their nonce-based CSP from proxy.ts.
  headers: () =>
    Promise.resolve([
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }, { key: "Cache-Control", value: "no-store" }] },
    ]),
  // `npm test` type-checks the whole tree (tests included) with `tsc`; the production build that
  // `npm install` / `npm start` run skips a second pass, which halves its time on two cores.
  typescript: { ignoreBuildErrors: true },
  // piscina starts its threads from its own files on disk, so it must stay a plain require.
  serverExternalPackages: ["piscina"],
  experimental: {
    // Barrel packages: import only the components and icons a page uses.
    optimizePackageImports: ["@mantine/core", "@mantine/hooks", "@mantine/dates", "@tabler/icons-react"],
  },
};

export default withNextIntl(nextConfig);
