"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";

/** Who is signed in, as the browser may know it: no session or token ids. */
export interface CurrentUser {
  kind: "session" | "api-token" | "env-token";
  label: string;
  name: string;
  role: Role;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user; every dashboard page is rendered inside the provider. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser outside the dashboard layout");
  return user;
}
