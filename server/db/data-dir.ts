import { closeSync, mkdirSync, openSync, statfsSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedDatabaseError } from './build.ts';

/*
 * DATA_DIR is checked and created before anything else happens, so that a directory the server
 * cannot use is reported in one line a person can act on, and not as a stack trace, a build of
 * the engine, or a hang (Node's recursive mkdir loops forever under /proc).
 */

/** The Unix socket's path must fit in sun_path: 108 bytes on Linux, the last one a NUL. */
const SOCKET_PATH_LIMIT = 107;
/** Where cluster.ts places PostgreSQL's socket, relative to DATA_DIR (the default port, 5432). */
export const SOCKET_IN_DATA_DIR = path.join('run', '.s.PGSQL.5432');

/** File systems that only show the kernel's state: nothing can be stored there. */
const KERNEL_FILE_SYSTEMS: Record<number, string> = {
  40864: '/proc',
  1650812274: '/sys',
  1684170528: 'the kernel debug file system',
  1667723888: 'the cgroup file system',
  2613483: 'the cgroup file system',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied to the user the server runs as (uid ${process.getuid?.() ?? '?'})`;
    case 'EROFS':
      return 'it is on a read-only file system';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ELOOP':
      return 'its symbolic links form a loop';
    default:
      return (error as Error).message;
  }
}

const refuse = (dataDir: string, problem: string, advice = 'Set DATA_DIR to a writable directory on a disk.') => new EmbeddedDatabaseError(`DATA_DIR ${dataDir} cannot be used: ${problem}. ${advice}`);

function existing(target: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file above it; the walk up finds and names that file.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Creates DATA_DIR if needed and proves that the server can write in it; a clear refusal otherwise. */
export function prepareDataDir(dataDir: string): void {
  const socket = path.join(dataDir, SOCKET_IN_DATA_DIR);
  if (Buffer.byteLength(socket) > SOCKET_PATH_LIMIT) {
    throw refuse(dataDir, `the path is too long for PostgreSQL's socket (${socket} is ${Buffer.byteLength(socket)} bytes, the limit is ${SOCKET_PATH_LIMIT})`, 'Choose a shorter DATA_DIR.');
  }

  // The directories to create, deepest last, up to the nearest one that exists.
  const missing: string[] = [];
  let nearest = dataDir;
  for (;;) {
    let stat: ReturnType<typeof existing>;
    try {
      stat = existing(nearest);
    } catch (error) {
      throw refuse(dataDir, reason(error));
    }
    if (stat) {
      if (!stat.isDirectory()) throw refuse(dataDir, nearest === dataDir ? 'it is a file, not a directory' : `${nearest} is a file, not a directory`);
      break;
    }
    missing.unshift(nearest);
    const parent = path.dirname(nearest);
    if (parent === nearest) break;
    nearest = parent;
  }

  const kernelFs = KERNEL_FILE_SYSTEMS[statfsSync(nearest).type];
  if (kernelFs) throw refuse(dataDir, `it is inside ${kernelFs}, which only shows the kernel's state and cannot store files`);

  for (const dir of missing) {
    try {
      mkdirSync(dir, { mode: 0o755 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue; // made meanwhile by another server
      throw refuse(dataDir, `${dir === dataDir ? 'it' : dir} cannot be created: ${reason(error)}`);
    }
  }

  // Root passes permission checks, but not a read-only mount: only a real write tells.
  const probe = path.join(dataDir, `.write-check.${process.pid}`);
  try {
    closeSync(openSync(probe, 'w', 0o600));
    unlinkSync(probe);
  } catch (error) {
    throw refuse(dataDir, `no file can be written in it: ${reason(error)}`);
  }
}
