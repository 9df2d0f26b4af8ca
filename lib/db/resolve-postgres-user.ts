import { execFile } from "node:child_process";
import { promisify } from "node:util";

// PostgreSQL refuses to run as root. When Sightline runs as root (containers, fresh VMs), the
// embedded server runs as the `postgres` user instead, created here when the system has none.

const run = promisify(execFile);

export interface PostgresUser {
  name: string;
  uid: number;
  gid: number;
}

const NAME = "postgres";

/** The user to run PostgreSQL as, or undefined when Sightline itself is not root. */
export async function resolvePostgresUser(): Promise<PostgresUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const found = await lookUp();
  if (found) return found;
  try {
    await run("groupadd", ["--system", NAME]).catch(() => {}); // the group may exist without the user
    await run("useradd", ["--system", "--gid", NAME, "--no-create-home", "--shell", "/usr/sbin/nologin", NAME]);
  } catch (error) {
    const why = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`running as root, the embedded PostgreSQL must run as the "${NAME}" user, which does not exist and could not be created (${why}); create it (useradd ${NAME}), run Sightline as another user, or set DATABASE_URL`);
  }
  const created = await lookUp();
  if (!created) throw new Error(`the "${NAME}" user was created but cannot be found; create it by hand or set DATABASE_URL`);
  return created;
}

async function lookUp(): Promise<PostgresUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", NAME]), run("id", ["-g", NAME])]);
    return { name: NAME, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}
