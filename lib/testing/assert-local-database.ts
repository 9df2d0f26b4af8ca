// Tests create and drop databases: refuse anything but a server on this machine, so a stray
// TEST_DATABASE_URL can never point them at a shared or production database.
const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!localHosts.has(host)) throw new Error(`refusing to run tests against non-local database host ${host}`);
}
