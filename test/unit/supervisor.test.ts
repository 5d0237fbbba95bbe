import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killOrphanedBackends } from '../../server/db/cluster.ts';
import { superviseChild, type SupervisedChild } from '../../server/db/supervisor.ts';

/*
 * The supervisor that keeps the embedded database's processes running, on plain shell children:
 * a child that leaves a helper behind when it is killed (as PostgreSQL leaves its backends) and a
 * child whose start can be made to fail.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'supervisor-'));
const supervised: SupervisedChild[] = [];

afterEach(async () => {
  await Promise.all(supervised.splice(0).map((child) => child.stop('SIGKILL', 1_000)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Running, and not a zombie waiting to be reaped (by init here, as the helper was orphaned). */
const isRunning = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function waitFor(what: string, check: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('superviseChild', () => {
  it('clears what a child killed with -9 left running in its directory (in sessions of their own), then starts it again', async () => {
    const workDir = mkdtempSync(path.join(dir, 'data-'));
    const helperPidFile = path.join(dir, 'helper.pid');
    const restarts: (NodeJS.Signals | null)[] = [];
    // The helper leads its own session and ignores the hang-up, as a busy PostgreSQL backend outlives its postmaster.
    const child = await superviseChild(
      {
        name: 'parent',
        command: 'sh',
        args: () => ['-c', `setsid sh -c 'trap "" HUP; echo $$ > ${helperPidFile}; exec sleep 600' & while [ ! -s ${helperPidFile} ]; do sleep 0.01; done; echo ready; wait`],
        options: { detached: true, cwd: workDir },
        isReadyLine: (line) => line === 'ready',
        clearLeftovers: () => killOrphanedBackends(workDir),
      },
      { onRestart: (_code, signal) => restarts.push(signal) },
    );
    supervised.push(child);
    const firstPid = child.pid()!;
    const helperPid = Number(readFileSync(helperPidFile, 'utf8'));
    expect(isRunning(helperPid)).toBe(true);
    // A process group kill would miss it.
    expect(readFileSync(`/proc/${helperPid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]).not.toBe(String(firstPid));

    writeFileSync(helperPidFile, '');
    process.kill(firstPid, 'SIGKILL');
    await waitFor('the child was started again', () => restarts.length === 1 && child.ready());

    expect(restarts).toEqual(['SIGKILL']);
    expect(child.pid()).not.toBe(firstPid);
    expect(isRunning(helperPid), 'the helper of the killed child').toBe(false);
  });

  it('reports a failed start after a crash and keeps trying until the child starts', async () => {
    const blocker = path.join(dir, 'blocked');
    writeFileSync(blocker, '');
    const failures: string[] = [];
    const child = await superviseChild(
      {
        name: 'flaky',
        command: 'sh',
        // Starts only when the blocker is gone, except the first time.
        args: () => ['-c', failures.length === 0 && !existsSync(`${blocker}.seen`) ? `touch ${blocker}.seen; echo ready; sleep 600` : `test -e ${blocker} && exit 3; echo ready; sleep 600`],
        options: { detached: true },
        isReadyLine: (line) => line === 'ready',
      },
      { onStartFailed: (error) => failures.push(error.message) },
    );
    supervised.push(child);

    process.kill(child.pid()!, 'SIGKILL');
    await waitFor('a start failed twice', () => failures.length >= 2);
    expect(child.ready()).toBe(false);
    expect(failures[0]).toMatch(/flaky exited during start-up \(code 3\)/);

    rmSync(blocker);
    await waitFor('the child started', () => child.ready());
  });
});
