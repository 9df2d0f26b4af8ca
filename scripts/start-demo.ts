import { startDbAgent } from "../agents/db/start-db-agent";
import { withDatabase } from "../lib/db/database-url";
import { startDemoControl } from "../agents/demo-shop/demo-control";
import { writeLocalDemoSettings } from "../agents/demo-shop/local-demo-settings";
import { startDemoShop } from "../agents/demo-shop/start-demo-shop";

// With SIGHTLINE_DEMO on, `npm start` runs the demo shop (its own database beside Sightline's)
// and the db agent watching it, so a new user sees services, traces, metrics, audit rows and
// lock events within a minute. Both talk to Sightline over HTTP like any external sender.

export const SHOP_DATABASE = "demo_shop";

/** The audited shop tables: `updated_at` is noise in a diff, card numbers never leave in clear. */
export const auditedTables = [
  "customers",
  "products",
  { name: "inventory", ignore: ["updated_at"] },
  "coupons",
  { name: "orders", ignore: ["updated_at"] },
  "order_items",
  { name: "payments", ignore: ["updated_at"], mask: [{ column: "card_number", keepLast: 4 }] },
  "coupon_redemptions",
];

export async function startDemo(options: { sightlineUrl: string; ingestKey: string; databaseUrl: string; dataDir: string; serverLogFile?: string; log: (line: string) => void }) {
  const shopUrl = withDatabase(options.databaseUrl, SHOP_DATABASE);
  writeLocalDemoSettings(options.dataDir, { sightlineUrl: options.sightlineUrl, ingestKey: options.ingestKey, shopDatabaseUrl: shopUrl });
  const shop = await startDemoShop({
    sightlineUrl: options.sightlineUrl,
    ingestKey: options.ingestKey,
    shopDatabaseUrl: shopUrl,
    schedule: true,
    log: (line) => options.log(`demo shop: ${line}`),
  });
  // `npm run demo -- --scenario NAME` asks this shop, through a door only the data dir's owner can open.
  // Without it the demo still runs (only the CLI cannot reach it): never a shop left running unowned.
  const control = await startDemoControl(options.dataDir, (name) => shop.trigger(name)).catch((error: unknown) => {
    options.log(`demo shop: \`npm run demo -- --scenario\` cannot reach this demo (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  });
  // The agent reports every interval; beside the app, one line a minute is enough.
  let lines = 0;
  const agent = startDbAgent({
    sightlineUrl: options.sightlineUrl,
    ingestKey: options.ingestKey,
    databases: [{ url: shopUrl, name: "shop", tables: auditedTables, logFile: options.serverLogFile }],
    log: (line) => {
      if (lines++ % 12 === 0 || /error|fail|unreachable|retry/i.test(line)) options.log(`db agent: ${line}`);
    },
  });
  options.log(`demo shop and db agent running (shop database "${SHOP_DATABASE}"); SIGHTLINE_DEMO=0 turns them off`);
  return {
    stop: async () => {
      await control?.stop();
      await shop.stop();
      await agent.stop();
    },
  };
}
