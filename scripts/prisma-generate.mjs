// `prisma generate` without network: Prisma's CLI insists on a native schema engine path even
// though generate never runs it (it parses the schema with WebAssembly). Where none is
// configured we point it at the Node binary, an existing file; see prisma/README.md.
// The first step of `npm install`'s postinstall, so it also refuses a Node.js that Sightline's
// dependencies do not support (npm only warns, and .npmrc hides npm's warnings).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const [major, minor] = process.versions.node.split(".").map(Number);
// The same range as package.json "engines" (Prisma's: ^20.19 || ^22.12 || >=24).
if (!((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24)) {
  const wanted = JSON.parse(readFileSync("package.json", "utf8")).engines.node;
  console.error(`[sightline] Node.js ${process.versions.node} is not supported; Sightline needs ${wanted}.`);
  process.exit(1);
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const started = performance.now();
// Prisma's own output is a dozen lines a newcomer need not read; it is shown when generate fails.
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { encoding: "utf8", env });
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  console.error("[sightline] `prisma generate` failed; see the output above");
  process.exit(result.status ?? 1);
}
console.log(`[sightline] database client generated (prisma generate, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
