import "server-only";
import { publicBaseUrl } from "@/lib/env";
import { env } from "@/lib/server-env";
import { createMailer } from "./create-mailer";
import type { Mailer } from "./deliver-notifications";

// What the web server's alert routes need from the environment: the origin for absolute links
// and the SMTP transport (for a contact point's test), made once per server process.

let mailer: Mailer | null | undefined;

export function alertsServerConfig(): { baseUrl: string; mailer: Mailer | null; smtpConfigured: boolean } {
  mailer ??= createMailer(env.SIGHTLINE_SMTP_URL, env.SIGHTLINE_SMTP_FROM);
  return { baseUrl: publicBaseUrl(env), mailer, smtpConfigured: Boolean(env.SIGHTLINE_SMTP_URL) };
}
