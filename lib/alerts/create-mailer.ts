import nodemailer from "nodemailer";
import type { Mailer } from "./deliver-notifications";

/**
 * The SMTP transport of SIGHTLINE_SMTP_URL (smtp://user:pass@host:port or smtps://…); null when unset.
 * Its timeouts (30 s at most in all) stay well inside a notification's claim (deliver-notifications.ts),
 * so a slow server never lets another replica claim and send the same e-mail, nor holds the loop
 * for nodemailer's default minutes.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  return { transport: nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }), from };
}
