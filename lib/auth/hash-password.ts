import { hash, verify } from "@node-rs/argon2";

// Passwords are hashed with argon2id (the library's defaults: 19 MiB, 2 passes, OWASP's
// recommendation). A sign-in for an unknown e-mail still verifies against a real hash, so the
// answer takes as long as for a known one and does not tell which addresses have accounts.

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let decoy: Promise<string> | undefined;

export async function verifyPassword(password: string, passwordHash: string | null | undefined): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hash("sightline-decoy-password");
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
