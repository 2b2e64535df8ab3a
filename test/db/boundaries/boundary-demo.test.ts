/** The demo boundary seed: imports the demo province's communes from a data directory once; without one it does nothing. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import type { Database } from '../../../src/db/connect.ts';
import { layerGeoJson, seedDemoBoundaries } from '../../../src/db/boundaries/index.ts';

let database: Database;
let dir: string;

before(async () => {
  database = await openTestDatabase();
  await insertUnitFixture(database);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-boundary-demo-'));
});
after(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('without a data directory nothing is imported', async () => {
  assert.deepEqual(await seedDemoBoundaries(database.db, { dataDir: path.join(dir, 'absent') }), { imported: [], skipped: 'no_shared_data' });
});

test('the demo province’s communes are imported from communes.topojson once', async () => {
  // Two communes of Lai Châu and one of Điện Biên, each a unit square of quantized steps.
  const topology = {
    type: 'Topology',
    transform: { scale: [0.01, 0.01], translate: [102, 21] },
    arcs: [
      [[0, 0], [10, 0], [0, 10], [-10, 0], [0, -10]],
      [[20, 0], [10, 0], [0, 10], [-10, 0], [0, -10]],
      [[40, 0], [10, 0], [0, 10], [-10, 0], [0, -10]],
    ],
    objects: {
      communes: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0]], properties: { code: '03445', province_code: '12' } },
          { type: 'Polygon', arcs: [[1]], properties: { code: '03388', province_code: '12' } },
          { type: 'Polygon', arcs: [[2]], properties: { code: '03325', province_code: '11' } },
        ],
      },
    },
  };
  fs.mkdirSync(path.join(dir, 'admin-units-2025'));
  fs.writeFileSync(path.join(dir, 'admin-units-2025/communes.topojson'), JSON.stringify(topology));
  const lines: string[] = [];
  const r = await seedDemoBoundaries(database.db, { dataDir: dir, onProgress: (l) => lines.push(l) });
  assert.deepEqual(r, { imported: [{ file: 'admin-units-2025/communes.topojson', units: 2 }] });
  assert.equal(lines.length, 1);
  const layer = JSON.parse((await layerGeoJson(database.db, { level: 'national' }, { layout: '2025', level: 'commune', province: '12' })).json);
  assert.deepEqual(layer.features.map((f: { id: string }) => f.id), ['03388', '03445']);
  assert.equal((await layerGeoJson(database.db, { level: 'national' }, { layout: '2025', level: 'commune', province: '11' })).count, 0);
  assert.deepEqual(await seedDemoBoundaries(database.db, { dataDir: dir }), { imported: [], skipped: 'already_present' });
});
