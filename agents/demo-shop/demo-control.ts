import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { isScenarioName, type ScenarioName, type ScenarioOutcome } from "./scenarios/scenario";

// The running demo's control door: `npm start` listens on 127.0.0.1 (a random port) for
// "run scenario NAME" from `npm run demo -- --scenario NAME`, so the fault lands in the shop
// the user is watching rather than in a second, short-lived one. Where it listens and the
// token it wants are in <dataDir>/demo-control.json, readable by its owner only: anyone who can
// read the data directory may fault the demo, nobody else on the machine can.

export interface DemoControlFile {
  port: number;
  token: string;
  pid: number;
}

export const controlFileIn = (dataDir: string) => path.resolve(dataDir, "demo-control.json");

export async function startDemoControl(dataDir: string, trigger: (name: ScenarioName) => Promise<ScenarioOutcome>): Promise<{ stop(): Promise<void> }> {
  const token = randomBytes(24).toString("hex");
  const server = http.createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const name = /^\/scenarios\/([a-z-]+)$/.exec(request.url ?? "")?.[1];
    if (!sameToken(request.headers.authorization ?? "", `Bearer ${token}`)) return answer(401, { error: "wrong or missing token" });
    if (request.method !== "POST" || !name) return answer(404, { error: "POST /scenarios/NAME" });
    if (!isScenarioName(name)) return answer(400, { error: `unknown scenario "${name}"` });
    trigger(name).then(
      (outcome) => answer(200, outcome),
      (error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // A scenario runs for minutes (and waits behind another): no request or socket timeout.
  server.requestTimeout = 0;
  server.timeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const file = controlFileIn(dataDir);
  const control: DemoControlFile = { port: (server.address() as AddressInfo).port, token, pid: process.pid };
  writeFileSync(file, JSON.stringify(control) + "\n", { mode: 0o600 });
  return {
    stop: async () => {
      rmSync(file, { force: true });
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why there is no demo to fault, in one line a person can act on. */
export class NoRunningDemoError extends Error {}

export function readDemoControl(dataDir: string): DemoControlFile {
  const file = controlFileIn(dataDir);
  const missing = (why: string) => new NoRunningDemoError(`no running demo: start Sightline with \`npm start\` first (${why}, looked in ${file})`);
  if (!existsSync(file)) throw missing("nothing there");
  let control: Partial<DemoControlFile>;
  try {
    control = JSON.parse(readFileSync(file, "utf8")) as Partial<DemoControlFile>;
  } catch {
    throw missing("the file is unreadable");
  }
  if (typeof control.port !== "number" || typeof control.token !== "string" || typeof control.pid !== "number") throw missing("the file is incomplete");
  if (!isAlive(control.pid)) throw missing(`it was left by process ${control.pid}, which has ended`);
  return control as DemoControlFile;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Asks the running demo to run one scenario and waits for its outcome. node:http rather than
 * fetch: fetch gives up on headers after 300 s, and a scenario queued behind another may take longer.
 */
export function requestScenario(dataDir: string, control: DemoControlFile, name: ScenarioName): Promise<ScenarioOutcome> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: control.port, method: "POST", path: `/scenarios/${name}`, headers: { authorization: `Bearer ${control.token}` } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        let body: { error?: string } & Partial<ScenarioOutcome>;
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          return reject(new Error(`the running demo answered ${response.statusCode} with something other than JSON`));
        }
        if (response.statusCode !== 200) return reject(new Error(body.error ?? `the running demo answered ${response.statusCode}`));
        resolve(body as ScenarioOutcome);
      });
    });
    request.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ECONNREFUSED" ? new NoRunningDemoError(`no running demo: start Sightline with \`npm start\` first (nothing listens on 127.0.0.1:${control.port} named in ${controlFileIn(dataDir)})`) : error),
    );
    request.end();
  });
}
