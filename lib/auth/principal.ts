import type { Role } from "./roles";

/** Who is making a request: a signed-in user, a stored API token, or the environment's admin token. */
export type Principal =
  | { kind: "session"; role: Role; label: string; userId: string; sessionId: string; email: string; name: string }
  | { kind: "api-token"; role: Role; label: string; tokenId: string; userId: null }
  | { kind: "env-token"; role: "admin"; label: string; userId: null };
