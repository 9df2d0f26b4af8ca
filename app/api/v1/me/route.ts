import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

/** Who the caller is: the signed-in user, or the API token's name and role. */
export const GET = withRoute({ access: "viewer" }, ({ principal }) =>
  Promise.resolve({
    kind: principal.kind,
    role: principal.role,
    label: principal.label,
    user: principal.kind === "session" ? { id: principal.userId, email: principal.email, name: principal.name, role: principal.role } : null,
  }),
);
