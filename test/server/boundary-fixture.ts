/** Constructed boundaries of the server test fixture's units (three communes, two provinces), as a GeoJSON file. */
import { importBoundaryFile } from '../../src/db/boundaries/index.ts';
import type { Database } from '../../src/db/connect.ts';

const square = (x: number, y: number, s = 0.1) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const feature = (properties: Record<string, unknown>, x: number, y: number, s?: number) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [square(x, y, s)] },
});

export const COMMUNE_BOUNDARIES = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    feature({ ma_xa: '03445', ten: 'Mường Tè' }, 102.5, 22.3),
    feature({ ma_xa: '03388', ten: 'Đoàn Kết' }, 103.4, 22.4),
    feature({ ma_xa: '03325', ten: 'Mường Phăng' }, 103.1, 21.4),
  ],
});

export const PROVINCE_BOUNDARIES = JSON.stringify({
  type: 'FeatureCollection',
  features: [feature({ ma_tinh: '12' }, 102, 21.5, 1.5), feature({ ma_tinh: '11' }, 102.5, 20.5, 1)],
});

export async function insertBoundaryFixture(database: Database): Promise<void> {
  const actor = { id: null, username: 'test', role: 'national_admin' };
  await importBoundaryFile(database.db, actor, COMMUNE_BOUNDARIES, { layout: '2025', level: 'commune' });
  await importBoundaryFile(database.db, actor, PROVINCE_BOUNDARIES, { layout: '2025', level: 'province' });
}

/** A multipart body with one file field, for app.inject. */
export function multipartFile(name: string, content: string): { payload: string; contentType: string } {
  const b = 'GNBOUNDARY';
  return {
    payload: `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/json\r\n\r\n${content}\r\n--${b}--\r\n`,
    contentType: `multipart/form-data; boundary=${b}`,
  };
}
