/**
 * Browser test of the dashboard on the real server with the demo seed: the Lai Châu province officer
 * lands on the dashboard, sees the headline figures, the charts and the choropleth map of the
 * province's communes, drills down commune → village → household list, and switches to English.
 * The map needs boundaries: the demo start imports them from ../shared/data when it is beside the
 * repository (CI). The administrator then imports a file through the dashboard's dialog: without
 * ../shared the map first says there are no boundaries and the file is a constructed GeoJSON of the
 * province's communes; with it, a constructed 2024-layout province outline (the map keeps its 38
 * communes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, REPO_ROOT } from './harness.ts';
import { browserSuite } from './suite.ts';
import { openPage, signIn } from './session.ts';

const SHARED_BOUNDARIES = path.resolve(REPO_ROOT, '../shared/data/admin-units-2025/communes.topojson');

const suite = browserSuite(300_000);

/** Squares in a grid, one per unit code in `property`: a GeoJSON an administrator could upload. */
function squares(codes: string[], property: string): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: codes.map((code, i) => {
      const x = 102.3 + (i % 7) * 0.2;
      const y = 21.7 + Math.floor(i / 7) * 0.2;
      return { type: 'Feature', properties: { [property]: code }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.2, y], [x + 0.2, y + 0.2], [x, y + 0.2], [x, y]]] } };
    }),
  });
}

test('the administrator imports a boundary file through the dashboard dialog and reads the report', { timeout: 180_000 }, async () => {
  const shared = fs.existsSync(SHARED_BOUNDARIES);
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.goto('/#/dashboard/12');
    await page.getByTestId('dashboard-kpi-households').waitFor({ timeout: 120_000 });
    let file: { name: string; text: string; units: number; property: string };
    if (!shared) {
      // No ../shared/data beside the repository: the demo has no boundaries and the map says so.
      await page.getByTestId('dashboard-map-empty').waitFor();
      assert.match(await page.getByTestId('dashboard-map-empty').innerText(), /chưa có dữ liệu ranh giới — quản trị viên hãy nhập tệp GeoJSON\/TopoJSON/i);
      const units: string[] = await page.evaluate(async () => (await (await fetch('/api/units?layout=2025&parent=12')).json()).items.map((u: { code: string }) => u.code));
      file = { name: 'lai-chau.geojson', text: squares(units, 'ma_xa'), units: units.length, property: 'ma_xa' };
    } else {
      // The real boundaries are in place (checked by the test above): import a 2024-layout province outline beside them.
      await page.getByTestId('dashboard-map').waitFor();
      file = { name: 'lai-chau-2024.geojson', text: squares(['12'], 'ma_tinh'), units: 1, property: 'ma_tinh' };
    }
    await page.getByTestId('dashboard-import-boundaries').click();
    if (shared) {
      await page.getByText('Trước 01/07/2025 (ba cấp)').click();
      await page.getByRole('radio', { name: 'Tỉnh, thành phố' }).check();
    }
    await page.locator('input[type=file]').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await page.getByTestId('boundary-import-submit').click();
    await page.getByTestId('boundary-import-report').waitFor();
    assert.match(await page.getByTestId('boundary-import-report').innerText(), new RegExp(`ranh giới của ${file.units} đơn vị \\(thuộc tính "${file.property}"\\)`));
    await page.keyboard.press('Escape');
    const map = page.getByTestId('dashboard-map');
    await map.waitFor();
    assert.equal(await map.getAttribute('data-regions'), shared ? '38' : String(file.units));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the province officer opens the dashboard and the map, drills down to a village’s households, in Vietnamese and English', { timeout: 240_000 }, async () => {
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'lc.tinh', DEMO_PASSWORD);
    // The dashboard is the first menu entry and the landing page.
    assert.equal((await page.getByTestId('side-menu').getByRole('menuitem').first().innerText()).trim(), 'Tổng quan');
    await page.getByTestId('dashboard-kpi-households').waitFor({ timeout: 180_000 });
    assert.equal(await page.getByTestId('dashboard-unit-name').innerText(), 'Tỉnh Lai Châu');
    const households = Number((await page.getByTestId('dashboard-kpi-households').locator('.ant-statistic-content').innerText()).replace(/\D/g, ''));
    assert.ok(households > 1000, `households ${households}`);
    assert.match(await page.getByTestId('dashboard-kpi-poor').innerText(), /tỷ lệ \d+,\d %/);

    const map = page.getByTestId('dashboard-map');
    await map.waitFor();
    assert.equal(await map.getAttribute('data-regions'), '38', 'the 38 communes of Lai Châu are drawn');
    assert.ok(Number(await map.getAttribute('data-coloured')) > 0, 'communes with data are coloured');
    assert.equal(await map.locator('canvas').count(), 1);
    await page.getByTestId('dashboard-trend').locator('canvas').waitFor();
    await page.getByTestId('dashboard-above-25').waitFor();
    await page.screenshot({ path: path.join(suite.shots, 'dashboard-province-vi.png'), fullPage: true });

    await page.getByTestId('dashboard-open-03445').click();
    await page.getByTestId('dashboard-unit-name').getByText('Xã Mường Tè').waitFor();
    const rows = page.getByTestId('dashboard-unit-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const opened = await page.getByTestId('dashboard-unit-table').locator('[data-testid^="dashboard-open-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    assert.ok(opened.length > 0 && opened.every((id) => id!.startsWith('dashboard-open-03445:')), `the villages of Mường Tè: ${opened.join(', ')}`);
    const village = (await rows.first().locator('[data-testid^="dashboard-open-03445:"]').getAttribute('data-testid'))!.replace('dashboard-open-', '');
    await page.getByTestId(`dashboard-open-${village}`).click();
    await page.getByTestId('dashboard-village-households').waitFor();
    await page.getByTestId('dashboard-village-households').click();
    await page.waitForURL(/#\/households\/\?commune=03445&village=/);
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: path.join(suite.shots, 'dashboard-village-households.png') });

    await page.goto('/#/dashboard/12');
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByText('Poverty reduction overview').waitFor();
    await page.getByText('Map of the poor rate', { exact: false }).first().waitFor();
    await page.getByTestId('dashboard-map').waitFor();
    await page.screenshot({ path: path.join(suite.shots, 'dashboard-province-en.png'), fullPage: true });
    await page.getByTestId('language-switch').getByText('VI').click();
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
