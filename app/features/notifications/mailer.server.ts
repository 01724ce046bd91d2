import type { Transporter } from "nodemailer";
import type { Database } from "../../../db/client";
import { markMail, recordMail } from "../../../db/queries/mail";
import type { Logger } from "../../utils/logger.server";

export type OutgoingMail = { authorityId: string | null; to: string; subject: string; text: string };
export type Mailer = { send(mail: OutgoingMail): Promise<{ id: string; status: "outbox" | "sent" | "failed" }> };

/**
 * Every message is stored first, so nothing is lost. Without SMTP_URL it stays in the outbox (and is
 * logged) for the authority admin to read; with SMTP_URL it is also sent, and a failure is recorded
 * against the message so the admin sees it and can send the invitation again.
 */
export async function createMailer(options: {
  db: Database;
  logger: Logger;
  smtpUrl: string | null;
  from: string;
  logBodies: boolean;
}): Promise<Mailer> {
  let transport: Transporter | null = null;
  if (options.smtpUrl) {
    const nodemailer = await import("nodemailer");
    transport = nodemailer.createTransport(options.smtpUrl);
  }
  return {
    async send(mail) {
      const stored = await recordMail(options.db, {
        authorityId: mail.authorityId,
        toAddress: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
      });
      if (!transport) {
        options.logger.info("mail stored in outbox", {
          mailId: stored.id,
          to: mail.to,
          subject: mail.subject,
          ...(options.logBodies ? { body: mail.text } : {}),
        });
        return { id: stored.id, status: "outbox" };
      }
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
        await markMail(options.db, stored.id, { sent: true });
        options.logger.info("mail sent", { mailId: stored.id, to: mail.to, subject: mail.subject });
        return { id: stored.id, status: "sent" };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await markMail(options.db, stored.id, { sent: false, error: message });
        options.logger.error("mail failed", { mailId: stored.id, to: mail.to, error: message });
        return { id: stored.id, status: "failed" };
      }
    },
  };
}
