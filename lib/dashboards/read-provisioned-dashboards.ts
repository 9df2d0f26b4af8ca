import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fitLayout } from "./fit-layout";
import { provisionedDashboardFileSchema, type DashboardContent } from "./schemas";

// The provisioned dashboards are JSON files in lib/dashboards/provisioned/, beside the schema
// that checks them and the code that loads them (a folder at the repository root would be one
// more top-level place for one feature). Each file is checked with the API's own schema; a
// file that fails is named with its problem and left out, the others still load.

export const PROVISIONED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "provisioned");

export interface ProvisionedDashboard extends DashboardContent {
  /** Stable id from the file: what the stored dashboard is found by at the next start. */
  id: string;
  /** File name within the provisioning folder, shown on the read-only dashboard. */
  file: string;
}

export function readProvisionedDashboards(dir: string = PROVISIONED_DIR): { dashboards: ProvisionedDashboard[]; problems: string[] } {
  const dashboards: ProvisionedDashboard[] = [];
  const problems: string[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    } catch (error) {
      problems.push(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const parsed = provisionedDashboardFileSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`).join("; ")}`);
      continue;
    }
    const twin = dashboards.find((d) => d.id === parsed.data.id);
    if (twin) {
      problems.push(`${file}: id ${parsed.data.id} is taken by ${twin.file}`);
      continue;
    }
    const { id, ...content } = parsed.data;
    dashboards.push({ ...content, id, file, layout: fitLayout(content.panels.map((p) => p.id), content.layout) });
  }
  return { dashboards, problems };
}
