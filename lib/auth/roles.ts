import { z } from "zod";

// Three roles, each allowed what the one before it is: viewers read everything; editors also
// change incidents, dashboards, annotations and share links; admins also manage users, roles,
// ingest keys, API tokens and settings. Kept free of server imports: the browser reads it too.

export const roles = ["viewer", "editor", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles, { error: "must be viewer, editor or admin" });

export function roleAllows(role: Role, needed: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(needed);
}

/** Stored roles are text; anything unknown counts as the smallest role rather than failing open. */
export function asRole(value: string): Role {
  return (roles as readonly string[]).includes(value) ? (value as Role) : "viewer";
}
