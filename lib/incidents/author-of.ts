import type { Principal } from "@/lib/auth/principal";

/** The name an incident's timeline shows for whoever made a change. */
export function authorOf(principal: Principal): string {
  return principal.kind === "session" ? principal.name || principal.email : principal.label;
}
