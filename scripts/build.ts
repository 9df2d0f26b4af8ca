import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build-if-stale";

// Run by `npm install` (postinstall) so that the first `npm start` serves within seconds;
// a no-op when the build is already fresh. SIGHTLINE_SKIP_INSTALL_BUILD=1 skips it.
if (process.env.SIGHTLINE_SKIP_INSTALL_BUILD !== "1") {
  buildIfStale(path.resolve(fileURLToPath(new URL("..", import.meta.url))), (line) => console.log(`[sightline] ${line}`));
}
