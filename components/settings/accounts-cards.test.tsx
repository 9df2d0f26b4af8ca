import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/lib/client/query-keys";
import type { ActivityEvent } from "@/lib/schemas/activity";
import type { ApiToken } from "@/lib/schemas/api-tokens";
import type { User } from "@/lib/schemas/users";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { ActivityCard } from "./activity-card";
import { ApiTokensCard } from "./api-tokens-card";
import { UsersCard } from "./users-card";

// The three admin cards rendered to HTML from seeded query data (no network): every visible
// word comes from the catalogue of the locale, and stored values stay text, never markup.

const now = new Date("2026-12-04T12:00:00.000Z");

function render(node: ReactNode, seed: (client: QueryClient) => void, locale: "en" | "zh-CN" = "en") {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  seed(client);
  return renderToString(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : zhCN} timeZone="UTC" now={now}>
      <MantineProvider>
        <QueryClientProvider client={client}>{node}</QueryClientProvider>
      </MantineProvider>
    </NextIntlClientProvider>,
  );
}

const user = (over: Partial<User>): User => ({
  id: "u1",
  email: "ada@example.com",
  name: "Ada",
  role: "admin",
  status: "active",
  signInMethods: ["password"],
  lastSignInAt: "2026-12-03T09:00:00.000Z",
  createdAt: "2026-11-01T09:00:00.000Z",
  ...over,
});

const token = (over: Partial<ApiToken>): ApiToken => ({
  id: "t1",
  name: "nightly export",
  prefix: "slt_ab12",
  role: "viewer",
  createdBy: "ada@example.com",
  createdAt: "2026-11-01T09:00:00.000Z",
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});

describe("UsersCard", () => {
  it("lists users with status, sign-in methods and actions", () => {
    const html = render(<UsersCard />, (client) =>
      client.setQueryData(queryKeys.accounts.users(), {
        users: [
          user({}),
          user({ id: "u2", email: "bob@example.com", name: "", role: "viewer", status: "invited", signInMethods: [], lastSignInAt: null }),
          user({ id: "u3", email: "eve@example.com", status: "deactivated", signInMethods: ["oidc"] }),
        ],
      }),
    );
    for (const text of ["ada@example.com", "bob@example.com", "eve@example.com", "invited", "deactivated", "single sign-on", "not yet", "never", "Reactivate", "Invite user"]) {
      expect(html).toContain(text);
    }
    expect(html.match(/>Deactivate</g)).toHaveLength(2);
    expect(html).toContain('aria-label="Role of bob@example.com"');
  });

  it("speaks Chinese in zh-CN", () => {
    const html = render(<UsersCard />, (client) => client.setQueryData(queryKeys.accounts.users(), { users: [user({ status: "invited" })] }), "zh-CN");
    for (const text of ["用户", "邀请用户", "已邀请", "密码", "停用"]) expect(html).toContain(text);
  });
});

describe("ApiTokensCard", () => {
  it("tells active, expired and revoked tokens apart and offers revoke only where it means something", () => {
    const html = render(<ApiTokensCard />, (client) =>
      client.setQueryData(queryKeys.accounts.apiTokens(), {
        tokens: [
          token({}),
          token({ id: "t2", name: "old", expiresAt: "2026-12-01T00:00:00.000Z" }),
          token({ id: "t3", name: "gone", revokedAt: "2026-12-02T00:00:00.000Z", createdBy: null }),
        ],
      }),
    );
    for (const text of ["nightly export", "slt_ab12", "Viewer", ">active<", ">expired<", ">revoked<", "unknown"]) expect(html).toContain(text);
    // The expired token can still be revoked; the revoked one cannot.
    expect(html.match(/>Revoke</g)).toHaveLength(2);
  });
});

describe("ActivityCard", () => {
  const event = (over: Partial<ActivityEvent>): ActivityEvent => ({
    id: "e1",
    at: "2026-12-04T11:00:00.000Z",
    action: "user_updated",
    actor: "ada@example.com",
    target: "bob@example.com",
    detail: { role: "editor" },
    ip: "192.0.2.7",
    userAgent: "curl/8",
    ...over,
  });

  it("says actions in words, keeps unknown ones as stored and renders values as text", () => {
    const html = render(<ActivityCard />, (client) =>
      client.setQueryData(queryKeys.accounts.activity(null), {
        events: [event({}), event({ id: "e2", action: "password_reset", target: "<img src=x onerror=alert(1)>", detail: {} })],
      }),
    );
    for (const text of ["Changed a user", "password_reset", "ada@example.com", "role: editor", "192.0.2.7"]) expect(html).toContain(text);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
  });
});
