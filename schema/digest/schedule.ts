import type { Logger } from 'pino';
import { sendWeeklyDigests } from './service.ts';

/** How often a server checks for digests due (a run with nothing to send reads one page of members per hundred). */
const CHECK_MS = 60 * 60_000;

/**
 * Sends the week's digests from inside the server: a check every hour (the first an hour after
 * start, so that a server restarted often does not run it each time). Each run sends only to members who have not had this week's digest, so several servers
 * (or the command) running at once send each digest once.
 */
export function startDigestSchedule(hour: number, logger: Pick<Logger, 'info' | 'warn'>): () => void {
  let running = false;
  const check = () => {
    if (running) return;
    running = true;
    sendWeeklyDigests({ hour })
      .then(
        (run) => run.sent && logger.info(`Weekly digest ${run.week}: ${run.sent} sent.`),
        (error: unknown) => logger.warn({ err: error }, 'sending weekly digests failed (the next check tries again)'),
      )
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(check, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
