import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A fresh temporary directory for embedded databases. mkdtemp makes it 0700, but when tests run
 * as root the cluster runs as the `postgres` user, which must pass through it: 0711.
 */
export function passableTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o711);
  return dir;
}
