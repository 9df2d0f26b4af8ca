import { asRole } from "@/lib/auth/roles";
import type { User } from "@/lib/schemas/users";

// One shape for a user wherever the API returns one: never a password or token hash.

export const userColumns = {
  id: true,
  email: true,
  name: true,
  role: true,
  passwordHash: true,
  oidcSubject: true,
  deactivatedAt: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  passwordHash: string | null;
  oidcSubject: string | null;
  deactivatedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
}

export function userJson(row: UserRow): User {
  const signInMethods: User["signInMethods"] = [];
  if (row.passwordHash) signInMethods.push("password");
  if (row.oidcSubject) signInMethods.push("oidc");
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: asRole(row.role),
    status: row.deactivatedAt ? "deactivated" : signInMethods.length === 0 ? "invited" : "active",
    signInMethods,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
