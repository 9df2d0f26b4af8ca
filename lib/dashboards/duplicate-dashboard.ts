import "server-only";
import type { RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import { createDashboard } from "./create-dashboard";
import { getDashboard } from "./get-dashboard";
import type { Dashboard } from "./schemas";

/** An editable copy, provisioned or not: "Duplicate to edit", as Grafana offers for provisioned dashboards. */
export async function duplicateDashboard(id: string, by: Principal, client: RequestClient): Promise<Dashboard> {
  const source = await getDashboard(id);
  const title = `${source.title} (copy)`.slice(0, 200);
  return createDashboard({ title, description: source.description, panels: source.panels, layout: source.layout }, by, client);
}
