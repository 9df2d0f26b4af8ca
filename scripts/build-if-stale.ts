import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm start` builds only when the production build is missing or was made from other sources.
// The stamp is a hash of every file that goes into the build, so it holds across clones and
// touched-but-unchanged files, and a changed message catalog or lockfile rebuilds.

const inputs = ["app", "components", "lib", "messages", "i18n", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "instrumentation.ts", "proxy.ts"];
const skip = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$|\.int\.test\.tsx?$/;

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full) || skip.test(relative)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) visit(path.join(relative, entry));
    } else {
      hash.update(relative).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  inputs.forEach(visit);
  return hash.digest("hex");
}

export function buildIfStale(root: string, log: (line: string) => void): void {
  const stamp = path.join(root, ".next", "sightline-source-hash");
  const wanted = sourceHash(root);
  const current = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";
  if (current === wanted && existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  // 35–60 s measured on a shared 2-core machine (docs/benchmarks.md, "Install").
  log(current ? "sources changed since the last build: building the app (about a minute)" : "building the app for production (about a minute)");
  const started = performance.now();
  // Next's own output (a route table of 60 lines) is for whoever changes the app; it is shown
  // when the build fails.
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    throw new Error("`next build` failed; see the output above");
  }
  writeFileSync(stamp, wanted);
  log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
