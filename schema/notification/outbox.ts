import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { accountsByIds, isEmailVerified, isSuspended } from '../account/service.ts';
import type { Viewer } from '../context.ts';
import { sendEmailNow, siteLink, type EmailLanguage } from '../email/mailer.ts';
import { expertsByIds, type ExpertDoc } from '../expert/service.ts';
import { lessThan } from '../query.ts';
import { notificationEmail } from './email.ts';
import { type NotificationKind, outcomeOf } from './kinds.ts';
import { Notification, type NotificationDoc } from './model.ts';
import { seeTargets } from './targets.ts';

/*
 * The notification emails' outbox. A due email waits in its notification; a sender claims it with
 * one conditional write (its due time moved past a lease, its claim token set), so of several
 * server processes exactly one gets it; it is marked sent only by the claimant. A failed send
 * waits and is tried again; a sender that died holding one lets its lease run out, and another
 * takes it. (An email can go twice only if a sender dies between SMTP's answer and its mark.)
 */

/** How long a claim holds an email before another sender may take it. */
const LEASE_MS = 5 * 60_000;
/** The waits before each new try after a failure; after the last, it is given up. */
const RETRY_WAITS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
/** How often a server looks for due emails (a new notification also wakes it at once). */
const POLL_MS = 30_000;
/** At most this many emails per round, so one round never holds the process for long. */
const ROUND_MAX = 200;

const PREFERENCES_PATH = '/settings/notifications';

const viewerOf = (expert: ExpertDoc): Viewer => ({ id: String(expert._id), handle: expert.handle, role: expert.role, verified: Boolean(expert.verifiedAt), joinedAt: expert.joinedAt, sessionId: '' });

/** The email of a claimed notification, or null when none should go (no verified address, suspended, the target unseeable now). */
async function composeEmail(notification: NotificationDoc) {
  const [[account], [recipient]] = await Promise.all([accountsByIds([String(notification.recipient)]), expertsByIds([String(notification.recipient)])]);
  if (!account || !recipient || !isEmailVerified(account) || isSuspended(recipient)) return null;
  const [shown] = await seeTargets(viewerOf(recipient), [notification]);
  if (!shown) return null;
  const [actor] = notification.actor ? await expertsByIds([String(notification.actor)]) : [];
  const language: EmailLanguage = account.language === 'en' ? 'en' : 'vi';
  const content = notificationEmail({
    language,
    recipientName: recipient.name,
    kind: notification.kind as NotificationKind,
    actorName: actor?.name ?? null,
    title: shown.title,
    detail: outcomeOf(notification),
    link: siteLink(shown.path),
    preferencesLink: siteLink(PREFERENCES_PATH),
  });
  return { ...content, to: { name: recipient.name, address: account.email } };
}

/** Claims one due email, or null when none is due. */
const claimOne = (now: Date, claim: string) =>
  Notification.findOneAndUpdate(
    { emailState: 'due', emailDueAt: lessThan(new Date(now.getTime() + 1)) },
    { $set: { emailDueAt: new Date(now.getTime() + LEASE_MS), emailClaim: claim }, $inc: { emailAttempts: 1 } },
    { sort: { emailState: 1, emailDueAt: 1 }, returnDocument: 'after' },
  ).lean<NotificationDoc>();

/**
 * Sends the emails due at `now`, each claimed first; returns how many went out. Safe to run in
 * several processes at once.
 */
export async function sendDueNotificationEmails(now = new Date(), log?: Pick<Logger, 'warn'>): Promise<number> {
  let sent = 0;
  for (let round = 0; round < ROUND_MAX; round++) {
    const claim = randomUUID();
    const notification = await claimOne(now, claim);
    if (!notification) break;
    const mine = { _id: notification._id, emailClaim: claim };
    try {
      const email = await composeEmail(notification);
      if (email) await sendEmailNow(email);
      await Notification.updateOne(mine, { $set: { emailState: email ? 'sent' : 'skipped', emailClaim: null } });
      if (email) sent++;
    } catch (error) {
      const wait = RETRY_WAITS_MS[notification.emailAttempts - 1];
      log?.warn({ err: error }, `a notification email could not be sent (try ${notification.emailAttempts})${wait ? '; trying again later' : '; given up'}`);
      await Notification.updateOne(mine, { $set: wait ? { emailDueAt: new Date(now.getTime() + wait), emailClaim: null } : { emailState: 'failed', emailClaim: null } });
    }
  }
  return sent;
}

let wake: (() => void) | null = null;

/** Asks this process's sender (if it runs) to look for due emails now. */
export const wakeOutbox = () => wake?.();

/** Runs the sender in this process until the returned function is called. */
export function startNotificationOutbox(log: Pick<Logger, 'warn'>): () => void {
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    sendDueNotificationEmails(new Date(), log)
      .catch((error: unknown) => log.warn({ err: error }, 'sending notification emails failed'))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, POLL_MS);
  timer.unref();
  wake = run;
  run();
  return () => {
    clearInterval(timer);
    wake = null;
  };
}
