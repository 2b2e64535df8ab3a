/**
 * Browser tests on the real server for the administration screens: the audit viewer shows the officer's
 * own login and a user edit with its changed field highlighted; a stale user edit gets the 409 conflict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DEMO_PASSWORD } from './harness.ts';
import { browserSuite } from './suite.ts';
import { openPage, signIn } from './session.ts';

const suite = browserSuite(240_000);

test('audit viewer lists the login and a user edit with its diff', { timeout: 120_000 }, async () => {
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'lc.tinh', DEMO_PASSWORD);

    // Edit a commune officer of Lai Châu through the user drawer.
    await page.getByRole('menuitem', { name: 'Người dùng' }).click();
    await page.getByTestId('users-edit-lc.muongte').click();
    const drawer = page.getByTestId('user-form');
    const fullName = drawer.getByLabel('Họ và tên');
    await fullName.fill('Pờ Xuân Hương (đã sửa)');
    await drawer.getByTestId('user-form-save').click();
    await page.getByTestId('users-table').getByText('Pờ Xuân Hương (đã sửa)').waitFor();

    await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    const table = page.getByTestId('audit-table');
    const loginRow = table.locator('tr', { has: page.locator('[data-action="login"]') }).first();
    await loginRow.waitFor();
    assert.match(await loginRow.innerText(), /lc\.tinh/);
    assert.match(await loginRow.innerText(), /Đăng nhập/);

    // Newest first: the edit is the top row; open it and find the changed name.
    const updateRow = table.locator('tr', { has: page.locator('[data-action="update"]') }).first();
    assert.match(await updateRow.innerText(), /Người dùng/);
    await updateRow.locator('.ant-table-row-expand-icon').click();
    const diff = page.getByTestId('audit-diff').first();
    const changed = diff.locator('tr[data-diff-kind="changed"]');
    await changed.first().waitFor();
    const changedText = (await changed.allInnerTexts()).join('\n');
    assert.match(changedText, /Pờ Xuân Hương \(đã sửa\)/);
    await page.screenshot({ path: path.join(suite.shots, 'audit-vi.png') });

    // Filter by user and action: only this officer's logins remain.
    await page.getByTestId('audit-filter-actor').fill('lc.tinh');
    await page.getByTestId('audit-filter-action').locator('input').fill('login');
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-apply').click();
    await table.locator('[data-action="update"]').waitFor({ state: 'detached' });
    const actions = await table.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    assert.ok(actions.length >= 1 && actions.every((a) => a === 'login'), `only logins expected, saw ${actions.join(', ')}`);

    assert.deepEqual(errors, []);
    console.log(`screenshots: ${suite.shots}`);
  } finally {
    await close();
  }
});

test('saving a user that someone else changed meanwhile shows the conflict and reloads', { timeout: 120_000 }, async () => {
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'lc.tinh', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Người dùng' }).click();
    await page.getByTestId('users-edit-lc.muongte.rsv').click();
    const drawer = page.getByTestId('user-form');
    await drawer.getByLabel('Họ và tên').waitFor();

    // Another officer saves the same user first (same session, straight through the API).
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const list = (await (await fetch('/api/users?q=lc.muongte.rsv')).json()) as { items: { id: number; username: string; version: number }[] };
      const u = list.items.find((x) => x.username === 'lc.muongte.rsv')!;
      const res = await fetch(`/api/users/${u.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ version: u.version, phone: '0912345678' }),
      });
      return res.status;
    });
    assert.equal(status, 200);

    await drawer.getByLabel('Họ và tên').fill('Lý Văn Páo (cũ)');
    await drawer.getByTestId('user-form-save').click();
    const alert = drawer.getByTestId('user-form-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Dữ liệu đã bị thay đổi/);
    assert.match(await alert.innerText(), /người khác/);
    await page.screenshot({ path: path.join(suite.shots, 'user-conflict-vi.png') });

    await alert.getByRole('button', { name: 'Tải lại dữ liệu mới nhất' }).click();
    await alert.waitFor({ state: 'detached' });
    assert.equal(await drawer.getByLabel('Số điện thoại').inputValue(), '0912345678');
    await drawer.getByTestId('user-form-save').click();
    await drawer.waitFor({ state: 'hidden' });

    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
