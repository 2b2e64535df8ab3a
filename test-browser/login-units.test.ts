/**
 * Browser test on the real server: the Lai Châu province officer signs in, opens the unit browser,
 * expands Lai Châu in the 2025 layout and sees its communes, then switches the interface to English.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DEMO_PASSWORD } from './harness.ts';
import { browserSuite } from './suite.ts';
import { openPage, signIn } from './session.ts';

const suite = browserSuite(240_000);

test('wrong password shows the server message in Vietnamese', { timeout: 60_000 }, async () => {
  const { page, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await page.goto('/');
    await page.getByTestId('login-submit').click();
    await page.getByText('Vui lòng nhập tên đăng nhập').waitFor();
    await page.getByTestId('login-username').fill('lc.tinh');
    await page.getByTestId('login-password').fill('sai-mat-khau-1');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match(await error.innerText(), /mật khẩu không đúng/);
  } finally {
    await close();
  }
});

test('province officer browses the communes of Lai Châu (2025 layout) and switches to English', { timeout: 120_000 }, async () => {
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'lc.tinh', DEMO_PASSWORD);

    const user = page.getByTestId('current-user');
    assert.match(await user.innerText(), /Nguyễn Thị Hồng Nhung/);
    assert.match(await user.innerText(), /Cán bộ cấp tỉnh/);
    // Province officers may manage users and read the audit log, so all four menu entries are there.
    for (const label of ['Đơn vị hành chính', 'Người dùng', 'Nhật ký hệ thống', 'Cài đặt cá nhân']) {
      await page.getByRole('menuitem', { name: label }).waitFor();
    }

    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    const layout2025 = page.getByTestId('unit-layout').getByRole('radio', { name: /Từ 01\/07\/2025/ });
    assert.equal(await layout2025.isChecked(), true, 'the 2025 two-tier layout is the default');

    const laiChau = page.getByTestId('unit-node-12');
    await laiChau.waitFor();
    assert.equal(await laiChau.locator('.unit-node-name').innerText(), 'Tỉnh Lai Châu');
    await page.locator('.ant-tree-treenode', { has: laiChau }).locator('.ant-tree-switcher').click();

    const communes = page.locator('[data-parent-code="12"]');
    await communes.first().waitFor();
    const names = await communes.locator('.unit-node-name').allInnerTexts();
    assert.ok(names.length > 10, `Lai Châu should list more than 10 communes, saw ${names.length}`);
    assert.ok(names.includes('Xã Mường Tè'), `Xã Mường Tè missing from ${names.join(', ')}`);
    assert.ok(names.some((n) => n.startsWith('Phường ')), 'Lai Châu has wards as well as communes');

    await page.getByTestId('unit-node-03445').click();
    const detail = page.getByTestId('unit-detail');
    await detail.getByTestId('unit-detail-code').getByText('03445').waitFor();
    assert.match(await detail.innerText(), /Nông thôn/);
    await page.screenshot({ path: path.join(suite.shots, 'units-vi.png') });

    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('menuitem', { name: 'Administrative units' }).waitFor();
    await page.getByRole('menuitem', { name: 'Audit log' }).waitFor();
    assert.match(await page.getByTestId('current-user').innerText(), /Province officer/);
    await page.screenshot({ path: path.join(suite.shots, 'units-en.png') });

    // The choice is saved on the user: after a reload the server's locale keeps the page in English.
    await page.reload();
    await page.getByRole('menuitem', { name: 'Administrative units' }).waitFor();
    await page.getByTestId('language-switch').getByText('VI').click();
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).waitFor();

    assert.deepEqual(errors, []);
    console.log(`screenshots: ${suite.shots}`);
  } finally {
    await close();
  }
});
