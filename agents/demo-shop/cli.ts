import { USAGE, parseCliArgs } from "./cli-args";
import { NoRunningDemoError, readDemoControl, requestScenario } from "./demo-control";
import { readLocalDemoSettings } from "./local-demo-settings";
import type { ScenarioName } from "./scenarios/scenario";
import { startDemoShop } from "./start-demo-shop";

// `npm run demo -- --help`: a fault for the demo `npm start` runs, or the demo shop on its own
// against any Sightline.

async function main() {
  const dataDir = process.env.SIGHTLINE_DATA_DIR || ".sightline";
  // Flags and environment win; otherwise the demo that `npm start` runs from this directory.
  const local = readLocalDemoSettings(dataDir);
  const options = parseCliArgs(process.argv.slice(2), {
    SIGHTLINE_URL: local.sightlineUrl,
    SIGHTLINE_INGEST_KEY: local.ingestKey,
    DEMO_SHOP_DATABASE_URL: local.shopDatabaseUrl,
    ...Object.fromEntries(Object.entries(process.env).filter(([, v]) => v)),
  });
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (options.scenario && !options.standalone) return runInRunningDemo(dataDir, options.scenario);
  if (!options.ingestKey) throw new Error("no ingest key: pass --key or set SIGHTLINE_INGEST_KEY");
  if (!options.databaseUrl) throw new Error("no shop database: pass --database postgresql://... or set DEMO_SHOP_DATABASE_URL");

  const shop = await startDemoShop({
    sightlineUrl: options.sightlineUrl,
    ingestKey: options.ingestKey,
    shopDatabaseUrl: options.databaseUrl,
    rate: options.rate,
    schedule: options.schedule,
  });
  const stop = async (code: number) => {
    await shop.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));

  if (options.scenario) {
    const outcome = await shop.trigger(options.scenario).catch(async (error: unknown) => {
      console.error(`[demo-shop] ${options.scenario} failed: ${error instanceof Error ? error.message : String(error)}`);
      await stop(1);
    });
    if (outcome) console.log(`[demo-shop] traces: ${outcome.traceIds.join(" ") || "(none)"}`);
    if (!options.stay) await stop(0);
  }
}

async function runInRunningDemo(dataDir: string, scenario: ScenarioName) {
  const control = readDemoControl(dataDir);
  console.log(`[demo-shop] asking the running demo (process ${control.pid}) to run ${scenario}…`);
  const outcome = await requestScenario(dataDir, control, scenario);
  console.log(`[demo-shop] ${scenario}: ${outcome.summary}`);
  console.log(`[demo-shop] traces: ${outcome.traceIds.join(" ") || "(none)"}`);
}

main().catch((error: unknown) => {
  // No running demo is an expected state, said in one line (no stack, no ECONNREFUSED).
  if (error instanceof NoRunningDemoError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`[demo-shop] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
