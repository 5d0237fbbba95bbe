import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseError, ensureEngineBuilt } from '../../server/db/build.ts';

describe('Embedded database build', () => {
  const savedPath = process.env.PATH;
  const emptyDir = mkdtempSync(path.join(tmpdir(), 'no-tools-'));
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('says the stack needs Debian packages and suggests MONGODB_URI when the machine has no dpkg', async () => {
    process.env.PATH = emptyDir; // no dpkg-query, apt-get or go here
    const build = ensureEngineBuilt({ engineDir: path.join(emptyDir, 'engine') });
    await expect(build).rejects.toThrow(EmbeddedDatabaseError);
    await expect(ensureEngineBuilt({ engineDir: path.join(emptyDir, 'engine') })).rejects.toThrow(/no apt\/dpkg[\s\S]*MONGODB_URI/);
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('names the missing archive when ENGINE_SOURCES_DIR does not hold it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'no-sources-'));
    await expect(ensureEngineBuilt({ engineDir: path.join(dir, 'engine'), sourcesDir: dir })).rejects.toThrow(/ENGINE_SOURCES_DIR \(.*\) has no documentdb-ferretdb-3f80da90\.tar\.gz/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an archive whose checksum differs from its pin', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bad-sources-'));
    writeFileSync(path.join(dir, 'documentdb-ferretdb-3f80da90.tar.gz'), 'not the pinned archive');
    await expect(ensureEngineBuilt({ engineDir: path.join(dir, 'engine'), sourcesDir: dir })).rejects.toThrow(/does not match its pin: sha256 [0-9a-f]{64}, expected 1ac01653/);
    rmSync(dir, { recursive: true, force: true });
  });
});
