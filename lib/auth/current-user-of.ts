import type { CurrentUser } from "@/components/shell/current-user";
import type { Principal } from "./principal";

/** What the browser may know of the principal: no session or token ids. */
export function currentUserOf(principal: Principal): CurrentUser {
  return { kind: principal.kind, label: principal.label, name: principal.kind === "session" ? principal.name : "", role: principal.role };
}
