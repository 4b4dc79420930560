import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initEmbeddedWith, loadEmbeddedFrom } from '../src/database';
import { openPlainDatabase, prepareTestDataFolder, type TestDatabaseTemplate } from '../src/testing';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

const parent = mkdtempSync(join(tmpdir(), 'movement-test-databases-'));

afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Rows enough to write many WAL segments of the test cluster's size (1 MB) while the template is filled. */
const busyTemplate: TestDatabaseTemplate = {
  name: 'wal-heavy',
  fill: async (target) => {
    const database = await openPlainDatabase(target.dataDir);
    try {
      await database.driver.exec(`CREATE TABLE filler AS SELECT n, repeat('x', 200) AS padding FROM generate_series(1, 20000) AS n`);
    } finally {
      await database.close();
    }
  },
};

test(
  'an embedded test database is a small cluster: 1 MB WAL segments and none kept from before its checkpoint, 16 MB of shared buffers, no template databases',
  async () => {
    const folder = join(parent, 'copy');
    await prepareTestDataFolder(folder, busyTemplate);
    // The filler wrote several megabytes of WAL; the copy holds the segment of its checkpoint and at most one more.
    const segments = readdirSync(join(folder, 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name));
    expect(segments.length).toBeGreaterThanOrEqual(1);
    expect(segments.length).toBeLessThanOrEqual(2);

    const database = await openPlainDatabase(folder);
    try {
      const settings = await database.driver.query<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('wal_segment_size', 'shared_buffers', 'wal_recycle') ORDER BY name`,
      );
      expect(settings).toEqual([
        { name: 'shared_buffers', setting: '2048', unit: '8kB' },
        { name: 'wal_recycle', setting: 'off', unit: null },
        { name: 'wal_segment_size', setting: '1048576', unit: 'B' },
      ]);
      expect(await database.driver.query(`SELECT datname FROM pg_database ORDER BY datname`)).toEqual([{ datname: 'postgres' }]);
      expect(await database.driver.query(`SELECT count(*)::int AS rows FROM filler`)).toEqual([{ rows: 20000 }]);
    } finally {
      await database.close();
    }
  },
  SLOW,
);

test('an embedded folder gets one starting point, and none once it exists', () => {
  const dataDir = 'memory://starting-point-test';
  initEmbeddedWith(dataDir, ['--wal-segsize=1']);
  expect(() => initEmbeddedWith(dataDir, ['--wal-segsize=2'])).toThrow(/memory:\/\/starting-point-test exists already/);
  expect(() => loadEmbeddedFrom(dataDir, new Blob([]))).toThrow(/memory:\/\/starting-point-test exists already/);
  // A folder on disk holds its cluster already.
  expect(() => initEmbeddedWith(parent, [])).toThrow(/exists already/);
});
