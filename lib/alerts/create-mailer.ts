import nodemailer from "nodemailer";
import type { Mailer } from "./deliver-notifications";

/** The SMTP transport of SIGHTLINE_SMTP_URL (smtp://user:pass@host:port or smtps://…); null when unset. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  return { transport: nodemailer.createTransport(smtpUrl), from };
}
