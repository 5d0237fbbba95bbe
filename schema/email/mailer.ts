import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

/*
 * Sending email, for every feature: account emails now, notifications and digests later. One
 * transport per process, set at start-up by configureEmail (tests point it at their own SMTP
 * server). Sending never fails the operation that asked for it: a message that cannot go out is
 * logged, and the person can ask again (a reset, a verification).
 */

export type EmailLanguage = 'vi' | 'en';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface OutgoingEmail extends EmailContent {
  to: { name: string; address: string };
}

export interface EmailSettings {
  NODE_ENV: 'development' | 'production' | 'test';
  SMTP_URL?: string;
  MAIL_FROM: string;
  /** The origin that links in emails start with (PUBLIC_URL, or the development server's). */
  siteUrl: string;
}

type Mode = { kind: 'smtp'; transport: Transporter } | { kind: 'log' } | { kind: 'off' };

let mode: Mode = { kind: 'off' };
let from = 'no-reply@localhost';
let siteUrl = 'http://localhost:4000';
let log: Pick<Logger, 'info' | 'warn' | 'error'> | undefined;
/** Messages handed to the transport and not yet answered, so that tests and shutdown can wait for them. */
const pending = new Set<Promise<void>>();

/**
 * Chooses how email leaves this process: through SMTP_URL; without it, written to the log in
 * development and tests (a person trying the product can follow a reset link from the terminal),
 * dropped in production, where start-up says so loudly: a reset link in a production log would
 * hand accounts to whoever reads the logs.
 */
export function configureEmail(settings: EmailSettings, logger: Pick<Logger, 'info' | 'warn' | 'error'>): void {
  log = logger;
  from = settings.MAIL_FROM;
  siteUrl = settings.siteUrl.replace(/\/+$/, '');
  if (mode.kind === 'smtp') mode.transport.close();
  if (settings.SMTP_URL) {
    mode = { kind: 'smtp', transport: nodemailer.createTransport(settings.SMTP_URL) };
    logger.info(`Email: sent through ${new URL(settings.SMTP_URL).host}, from ${settings.MAIL_FROM}.`);
  } else if (settings.NODE_ENV === 'production') {
    mode = { kind: 'off' };
    logger.error('Email is OFF: SMTP_URL is not set, so password resets, address verifications and sign-up notices are not sent. Set SMTP_URL (see README, Configuration).');
  } else {
    mode = { kind: 'log' };
    logger.info('Email: SMTP_URL is not set, so each email is written to this log instead of being sent.');
  }
}

/** An absolute link to a page of the site, for an email. */
export const siteLink = (pathAndQuery: string) => `${siteUrl}${pathAndQuery}`;

/**
 * Header values come from people (names) and templates holding their words (subjects): line
 * breaks and other control characters are turned into spaces, so no value can start a header of
 * its own (nodemailer encodes what is left).
 */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();

const cleaned = (message: OutgoingEmail): OutgoingEmail => ({ ...message, to: { name: oneLine(message.to.name), address: oneLine(message.to.address) }, subject: oneLine(message.subject) });

/** Sends one message in the background; resolves once it was handed over (or failed, logged). */
export function sendEmail(message: OutgoingEmail): Promise<void> {
  const clean = cleaned(message);
  const subject = clean.subject;
  const work = deliver(clean).catch((error: unknown) => log?.error({ err: error }, `email "${subject}" could not be sent`));
  pending.add(work);
  void work.finally(() => pending.delete(work));
  return work;
}

/** Sends one message now and fails when it could not be handed over: for a sender that tries again later (the notification outbox). */
export const sendEmailNow = (message: OutgoingEmail): Promise<void> => deliver(cleaned(message));

async function deliver(message: OutgoingEmail): Promise<void> {
  if (mode.kind === 'smtp') {
    // The envelope names the one recipient: whatever the headers held, nobody else gets a copy.
    await mode.transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html, envelope: { from: addressOf(from), to: [message.to.address] } });
  } else if (mode.kind === 'log') {
    log?.info(`Email to ${message.to.address}: ${message.subject}\n${message.text}`);
  } else {
    log?.warn(`Email to a member not sent (email is off): ${message.subject}`);
  }
}

const addressOf = (sender: string) => /<([^>]+)>\s*$/.exec(sender)?.[1] ?? sender;

/** Waits until every message handed to sendEmail so far has been sent or has failed. */
export async function emailsSettled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
