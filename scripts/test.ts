import { spawnSync } from "node:child_process";

// `npm test`: every layer, in order, stopping at the first that fails — static checks, unit and
// integration tests (Vitest; integration on the embedded PostgreSQL and, when TEST_DATABASE_URL
// is set, on that server too), then end-to-end tests in Chromium against the built app.

const steps: [string, string[]][] = [
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["lint", ["npx", "eslint", "--max-warnings=0", "."]],
  ["unit + integration", ["npx", "vitest", "run"]],
  ["end-to-end", ["npx", "playwright", "test"]],
];

const only = process.argv.slice(2);
for (const [name, [command, ...args]] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n[sightline test] ${name}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command!, args, { stdio: "inherit", env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`[sightline test] ${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`[sightline test] ${name} passed in ${seconds}s`);
}
