import { parseArgs } from "node:util";
import { SCENARIO_NAMES, isScenarioName, type ScenarioName } from "./scenarios/scenario";

// `npm run demo -- [options]`: flags first, environment variables second, defaults last.

export const USAGE = `Usage: npm run demo -- [options]

With --scenario NAME alone: runs that fault in the demo that \`npm start\` is running from this
directory (found through .sightline/demo-control.json, or SIGHTLINE_DATA_DIR), prints its
summary and traces, and exits.

Otherwise (or with --standalone, --key or --database): runs a demo shop of its own (gateway,
order, inventory, payment, coupon, notification and an external payment provider) against a
Sightline, with traffic shaped like a day and faults on demand.

Options:
  --sightline URL   Sightline's URL (env SIGHTLINE_URL; default http://localhost:3000)
  --key KEY         ingest key (env SIGHTLINE_INGEST_KEY)
  --database URL    the shop's PostgreSQL database, created with its schema if missing
                    (env DEMO_SHOP_DATABASE_URL)
  --rate N          mean requests per second over a day (default 2; 0 for none)
  --scenario NAME   trigger one fault now, then exit (with --stay, keep running);
                    background traffic is off for a one-off unless --rate is given
  --schedule        trigger every fault scenario in turn, one every ~5 minutes
  --stay            keep running after --scenario (a standalone shop)
  --standalone      run a shop of its own even for --scenario (implied by --key or --database)
  --help            show this

Scenarios: ${SCENARIO_NAMES.join(", ")}`;

export interface CliOptions {
  help: boolean;
  sightlineUrl: string;
  ingestKey: string | undefined;
  databaseUrl: string | undefined;
  rate: number;
  scenario: ScenarioName | undefined;
  schedule: boolean;
  /** whether to keep running (false: exit once the scenario is done) */
  stay: boolean;
  /** a shop of its own (true), or a scenario sent to the demo `npm start` runs (false) */
  standalone: boolean;
}

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: "boolean", short: "h", default: false },
      sightline: { type: "string" },
      key: { type: "string" },
      database: { type: "string" },
      rate: { type: "string" },
      scenario: { type: "string" },
      schedule: { type: "boolean", default: false },
      stay: { type: "boolean", default: false },
      standalone: { type: "boolean", default: false },
    },
    strict: true,
  });
  const scenario = values.scenario;
  if (scenario !== undefined && !isScenarioName(scenario)) throw new Error(`unknown scenario "${scenario}": pick one of ${SCENARIO_NAMES.join(", ")}`);
  const rate = values.rate === undefined ? (scenario ? 0 : 2) : Number(values.rate);
  if (!Number.isFinite(rate) || rate < 0 || rate > 50) throw new Error(`--rate must be a number from 0 to 50, got "${values.rate}"`);
  return {
    help: values.help,
    sightlineUrl: values.sightline ?? env.SIGHTLINE_URL ?? "http://localhost:3000",
    ingestKey: values.key ?? env.SIGHTLINE_INGEST_KEY,
    databaseUrl: values.database ?? env.DEMO_SHOP_DATABASE_URL,
    rate,
    scenario,
    schedule: values.schedule,
    stay: !scenario || values.stay || values.schedule,
    // Only flags choose a shop of its own: an ingest key exported in the shell for other tools
    // must not silently turn "fault my demo" into "start a second shop".
    standalone: !scenario || values.standalone || values.stay || values.schedule || values.key !== undefined || values.database !== undefined,
  };
}
