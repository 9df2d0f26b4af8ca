import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/roles";
import { activityResponseSchema, type ActivityAction } from "@/lib/schemas/activity";
import { apiTokenListSchema, apiTokenSchema, createdApiTokenSchema } from "@/lib/schemas/api-tokens";
import { createdUserSchema, userListSchema, userSchema } from "@/lib/schemas/users";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

// The admin's view of accounts: users, API tokens and Sightline's own audit log. Every response
// is parsed with the schema the server answers with.

/** The Settings page shows the latest events; older ones stay queryable through the API. */
export const ACTIVITY_SHOWN = 100;

export function usersQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.accounts.users(),
    queryFn: ({ signal }) => fetchJson("/api/v1/users", userListSchema, { signal }),
  });
}

export function inviteUser(input: { email: string; name: string; role: Role }) {
  return fetchJson("/api/v1/users", createdUserSchema, { method: "POST", json: input });
}

export function updateUser({ id, ...change }: { id: string; role?: Role; active?: boolean }) {
  return fetchJson(`/api/v1/users/${encodeURIComponent(id)}`, userSchema, { method: "PATCH", json: change });
}

export function apiTokensQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.accounts.apiTokens(),
    queryFn: ({ signal }) => fetchJson("/api/v1/api-tokens", apiTokenListSchema, { signal }),
  });
}

export function createApiToken(input: { name: string; role: Role; expiresInDays: number | null }) {
  return fetchJson("/api/v1/api-tokens", createdApiTokenSchema, { method: "POST", json: input });
}

export function revokeApiToken(id: string) {
  return fetchJson(`/api/v1/api-tokens/${encodeURIComponent(id)}`, apiTokenSchema, { method: "DELETE" });
}

export function activityQueryOptions(action: ActivityAction | null) {
  const params = new URLSearchParams({ limit: String(ACTIVITY_SHOWN) });
  if (action) params.set("action", action);
  return queryOptions({
    queryKey: queryKeys.accounts.activity(action),
    queryFn: ({ signal }) => fetchJson(`/api/v1/activity?${params.toString()}`, activityResponseSchema, { signal }),
    // Changing the filter keeps the old rows until the new ones arrive, instead of a skeleton flash.
    placeholderData: keepPreviousData,
  });
}
