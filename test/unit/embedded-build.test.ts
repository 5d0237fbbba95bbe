import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseError, ensureLauncherBuilt } from '../../server/db/embedded.ts';

describe('Embedded database build', () => {
  const savedPath = process.env.PATH;
  const binDir = mkdtempSync(path.join(tmpdir(), 'no-go-'));
  afterEach(() => {
    process.env.PATH = savedPath;
    rmSync(binDir, { recursive: true, force: true });
  });

  it('explains that Go is needed and suggests MONGODB_URI when go is not installed', () => {
    process.env.PATH = binDir; // a directory without `go`
    expect(() => ensureLauncherBuilt(() => {}, binDir)).toThrow(EmbeddedDatabaseError);
    expect(() => ensureLauncherBuilt(() => {}, binDir)).toThrow(/needs Go[\s\S]*MONGODB_URI/);
  });
});
