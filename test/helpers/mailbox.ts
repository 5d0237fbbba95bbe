import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { configureEmail, emailsSettled } from '../../schema/email/mailer.ts';
import { createLogger } from '../../server/logger.ts';

/** A message as the test SMTP server received it: the envelope, and the parsed message. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The message's bytes as sent, headers included. */
  raw: string;
  parsed: ParsedMail;
}

export interface Mailbox {
  /** Every message received since the test started. */
  messages: ReceivedMail[];
  /** The messages to one address, once every email the app has handed over has arrived. */
  to(address: string): Promise<ReceivedMail[]>;
  /** All messages, once every email the app has handed over has arrived. */
  all(): Promise<ReceivedMail[]>;
  /** The server's smtp:// URL, for pointing the app back at it after a test changed the configuration. */
  smtpUrl(): string;
  /** The first link to this site in a message's plain text. */
  linkIn(mail: ReceivedMail, path: string): string;
}

/**
 * A real SMTP server (smtp-server) on a free port for as long as the enclosing file or describe
 * runs, with the app's email pointed at it: what the tests read is what went over the wire,
 * parsed by mailparser. Emptied before each test. `siteUrl` gives the origin of the links.
 */
export function useMailbox(siteUrl: () => string = () => 'http://site.test'): Mailbox {
  const messages: ReceivedMail[] = [];
  let smtpUrl = '';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        simpleParser(raw).then(
          (parsed) => {
            messages.push({ envelope, raw, parsed });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    smtpUrl = `smtp://127.0.0.1:${port}`;
    configureEmail({ NODE_ENV: 'test', SMTP_URL: smtpUrl, MAIL_FROM: 'Mạng lưới chuyên gia <no-reply@chuyengia.test>', siteUrl: siteUrl() }, createLogger('silent', false));
  });
  beforeEach(() => {
    messages.length = 0;
  });
  afterAll(async () => {
    await emailsSettled();
    await new Promise<void>((resolve) => server.close(resolve));
  });
  const all = async () => {
    await emailsSettled();
    return messages;
  };
  return {
    messages,
    all,
    smtpUrl: () => smtpUrl,
    to: async (address) => (await all()).filter((m) => m.envelope.to.includes(address)),
    linkIn(mail, path) {
      const start = `${siteUrl()}${path}`;
      const link = (mail.parsed.text ?? '').split(/\s+/).find((word) => word.startsWith(start));
      expect(link, `a link to ${path} in "${mail.parsed.subject}"`).toBeTruthy();
      return link!;
    },
  };
}
