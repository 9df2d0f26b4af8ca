import pg from "pg";

// Start-up steps that read, then write, shared rows (the admin from SIGHTLINE_ADMIN_EMAIL, the
// setup token, provisioned dashboards, the demo's rules) are not safe when two replicas start at
// the same moment on one database: both see "no admin yet" and both insert it, and the second
// dies on the unique key. This runs them one replica at a time, under a session advisory lock
// (held for the whole `work`, released when its connection ends even if the process dies).
// Migrations have their own lock (node-pg-migrate's); this one is taken after them.

/** hashtext('sightline.startup') would do too; a fixed number keeps it visible in pg_locks. */
export const STARTUP_LOCK_KEY = 736_174_201;

export async function withStartupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "sightline-startup-lock" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    // Ending the session releases the lock; an explicit unlock first keeps pg_locks tidy.
    await client.query("SELECT pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
