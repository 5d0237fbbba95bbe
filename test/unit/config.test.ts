import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../../server/config.ts';

describe('Configuration', () => {
  it('starts with the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, DATA_DIR: '.data/db', DB_NAME: 'expertnetwork', NODE_ENV: 'development' });
    expect(config.dataDir).toMatch(/\/\.data\/db$/);
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/MONGODB_URI: must start with mongodb/);
    }
  });

  it('reads TRUST_PROXY as a number of proxies, still taking true and false, and refuses anything else by name', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    for (const value of ['yes', '-1', '1.5', '10']) expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY: the number of reverse proxies/);
  });

  it('reads CORS_ORIGINS as exact origins and refuses a wildcard or anything a browser would never send', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://chuyengia.gov.vn, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://chuyengia.gov.vn', 'http://localhost:5173']);
    for (const value of ['*', 'null', 'https://chuyengia.gov.vn/', 'https://Chuyengia.gov.vn', 'https://chuyengia.gov.vn:443', 'chuyengia.gov.vn', 'ftp://chuyengia.gov.vn']) {
      expect(() => loadConfig({ CORS_ORIGINS: value }), value).toThrow(`CORS_ORIGINS: "${value}" is not`);
    }
  });

  it('is documented variable by variable in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of configVariables) expect(readme, `README should document ${name}`).toContain(`\`${name}\``);
  });
});
