import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildSpec {
  name: string;
  command: string;
  /** Read again at every start, so a restart can differ (e.g. reuse the port the first start bound). */
  args: () => string[];
  options: SpawnOptions;
  /** Resolves true once a line of the child's output says it is ready for work. */
  isReadyLine: (line: string) => boolean;
  onLine?: (line: string) => void;
  /** How long start-up may take before the child is killed and the start counts as failed. */
  readyTimeoutMs?: number;
  /** Ends what a dead child left running that would stop the next start; called before each restart. */
  clearLeftovers?: () => Promise<void>;
}

export interface SupervisedChild {
  pid(): number | undefined;
  /** True while the current child runs and has said it is ready. */
  ready(): boolean;
  /** Ends the current child (`signal`, then SIGKILL after `timeoutMs`); it is started again as after a crash. */
  restart(signal: NodeJS.Signals, timeoutMs: number): void;
  /** Sends `signal`, waits for the exit (escalating to SIGKILL after `timeoutMs`), and stops supervising. */
  stop(signal: NodeJS.Signals, timeoutMs: number): Promise<void>;
}

export class ChildStartError extends Error {}

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;
/** A child that ran this long before dying is restarted at once again, not after a long wait. */
const STABLE_AFTER_MS = 30_000;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts a child and keeps it running: whenever it exits unexpectedly it is started again, after
 * a backoff that doubles up to 10 s, for as long as the supervisor is not stopped. The first
 * start must succeed (its failure is the caller's to report); later failures are retried.
 */
export interface SupervisorEvents {
  onDown?: () => void;
  onRestart?: (exitCode: number | null, signal: NodeJS.Signals | null) => void;
  /** A start after a crash failed; it is tried again after the backoff. */
  onStartFailed?: (error: Error, retryInMs: number) => void;
}

export async function superviseChild(spec: ChildSpec, events: SupervisorEvents = {}): Promise<SupervisedChild> {
  const recent: string[] = [];
  let current: ChildProcess;
  let isReady = false;
  let stopping = false;
  let stopSignal: NodeJS.Signals = 'SIGTERM';
  let backoff = MIN_BACKOFF_MS;

  const startOnce = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(spec.command, spec.args(), { ...spec.options, stdio: ['ignore', 'pipe', 'pipe'] });
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        child.kill('SIGKILL');
        reject(new ChildStartError(`${spec.name} did not become ready within ${(spec.readyTimeoutMs ?? 60_000) / 1000} s:\n${recent.join('\n')}`));
      }, spec.readyTimeoutMs ?? 60_000);
      const onLine = (line: string) => {
        recent.push(line);
        if (recent.length > 30) recent.shift();
        spec.onLine?.(line);
        if (!settled && spec.isReadyLine(line)) {
          settled = true;
          clearTimeout(timer);
          isReady = true;
          resolve(child);
        }
      };
      createInterface({ input: child.stdout! }).on('line', onLine);
      createInterface({ input: child.stderr! }).on('line', onLine);
      child.once('error', (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new ChildStartError(`Cannot run ${spec.name}: ${error.message}`));
      });
      child.once('exit', (code, signal) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new ChildStartError(`${spec.name} exited during start-up (${signal ?? `code ${code}`}):\n${recent.join('\n')}`));
      });
    });

  const watch = (child: ChildProcess) => {
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      isReady = false;
      if (stopping) return;
      events.onDown?.();
      if (Date.now() - startedAt > STABLE_AFTER_MS) backoff = MIN_BACKOFF_MS;
      const restart = async () => {
        if (stopping) return;
        try {
          await spec.clearLeftovers?.();
          current = await startOnce();
          if (stopping) {
            current.kill(stopSignal);
            return;
          }
          watch(current);
          events.onRestart?.(code, signal);
        } catch (error) {
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          events.onStartFailed?.(error as Error, backoff);
          setTimeout(() => void restart(), backoff);
        }
      };
      setTimeout(() => void restart(), backoff);
    });
  };

  current = await startOnce();
  watch(current);
  return {
    pid: () => current.pid,
    ready: () => isReady,
    restart(signal, timeoutMs) {
      backoff = MIN_BACKOFF_MS;
      isReady = false;
      const child = current;
      child.kill(signal);
      void waitForExit(child, timeoutMs);
    },
    async stop(signal, timeoutMs) {
      stopping = true;
      stopSignal = signal;
      const child = current;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await waitForExit(child, timeoutMs);
    },
  };
}
