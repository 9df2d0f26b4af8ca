import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { hashPassword, verifyPassword } from "./hash-password";
import { createSecretToken, hashSecretToken } from "./secret-token";

// Run by `npm start` once the database is migrated, before the web server starts:
// - SIGHTLINE_ADMIN_EMAIL + SIGHTLINE_ADMIN_PASSWORD create that admin, or reset its password
//   and role, so automation can always get in;
// - while no active admin exists, a one-time setup link is made (the Jenkins "unlock" pattern):
//   its token is kept in the data directory so every start prints the same link until it is
//   used, and only its hash is in the database, where POST /api/auth/setup checks it.

export const SETUP_TOKEN_SETTING = "setup_token";

export interface AccountsConfig {
  adminEmail?: string | undefined;
  adminPassword?: string | undefined;
  dataDir: string;
}

export async function prepareAccounts(databaseUrl: string, config: AccountsConfig): Promise<{ setupToken: string | null; adminCreated: boolean }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "sightline-start" });
  await client.connect();
  try {
    const adminCreated = config.adminEmail && config.adminPassword ? await ensureEnvAdmin(client, config.adminEmail, config.adminPassword) : false;
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND deactivated_at IS NULL`);
    const tokenFile = path.join(config.dataDir, "setup-token");
    if (rows[0]!.n > 0) {
      await client.query(`DELETE FROM settings WHERE key = $1`, [SETUP_TOKEN_SETTING]);
      rmSync(tokenFile, { force: true });
      return { setupToken: null, adminCreated };
    }
    return { setupToken: await ensureSetupToken(client, tokenFile), adminCreated };
  } finally {
    await client.end();
  }
}

async function ensureEnvAdmin(client: pg.Client, emailInput: string, password: string): Promise<boolean> {
  const email = emailInput.trim().toLowerCase();
  const { rows } = await client.query<{ id: string; password_hash: string | null; role: string; deactivated_at: Date | null }>(
    `SELECT id, password_hash, role, deactivated_at FROM users WHERE email = $1`,
    [email],
  );
  const found = rows[0];
  if (!found) {
    await client.query(
      `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, '', 'admin', $3, now())`,
      [randomUUID(), email, await hashPassword(password)],
    );
    await logActivity(client, "user_created", email, { role: "admin", by: "SIGHTLINE_ADMIN_EMAIL" });
    return true;
  }
  const unchanged = found.role === "admin" && !found.deactivated_at && (await verifyPassword(password, found.password_hash));
  if (unchanged) return false;
  await client.query(`UPDATE users SET role = 'admin', password_hash = $2, deactivated_at = NULL, updated_at = now() WHERE id = $1`, [found.id, await hashPassword(password)]);
  await client.query(`DELETE FROM sessions WHERE user_id = $1`, [found.id]);
  await logActivity(client, "user_updated", email, { role: "admin", password: "reset", by: "SIGHTLINE_ADMIN_EMAIL" });
  return false;
}

async function ensureSetupToken(client: pg.Client, tokenFile: string): Promise<string> {
  const { rows } = await client.query<{ value: { hash?: string } }>(`SELECT value FROM settings WHERE key = $1`, [SETUP_TOKEN_SETTING]);
  const storedHash = rows[0]?.value.hash;
  if (storedHash && existsSync(tokenFile)) {
    const kept = readFileSync(tokenFile, "utf8").trim();
    if (hashSecretToken(kept) === storedHash) return kept;
  }
  const token = createSecretToken("");
  await client.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [SETUP_TOKEN_SETTING, { hash: hashSecretToken(token), createdAt: new Date().toISOString() }],
  );
  mkdirSync(path.dirname(tokenFile), { recursive: true });
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  chmodSync(tokenFile, 0o600);
  return token;
}

async function logActivity(client: pg.Client, action: string, target: string, detail: Record<string, string>) {
  await client.query(`INSERT INTO activity_events (id, action, actor, target, detail) VALUES ($1, $2, 'environment', $3, $4)`, [randomUUID(), action, target, detail]);
}
