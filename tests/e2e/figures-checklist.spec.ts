// Issue 14: the checklist's progress bar and its state chips read the one state definition — the
// bar's whole is every in-scope account (the five states, "to cancel" included, adding up to
// the "all" chip), its value the "done" chip; the campaign card's chips say the same.
import { expect, test, type Page } from '@playwright/test';
import { CAMPAIGN_ACCOUNT_STATES } from '../../shared/campaigns/rules';
import { vi } from '../../shared/i18n/vi';
import { openScreen, serve, type Served } from './serve';

let app: Served;
test.afterEach(async () => {
  await app?.stop();
});

const STATES = CAMPAIGN_ACCOUNT_STATES.map((s) => vi.campaigns.state[s]);
const [TO_CANCEL, , DONE] = STATES as [string, string, string, string, string];
const ALL = vi.campaigns.checklist.all;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const number = (text: string) => Number(text.split(':').pop()!.replace(/\D/g, ''));

async function checklistChips(page: Page): Promise<Record<string, number>> {
  const group = page.getByRole('group', { name: 'Trạng thái' });
  const out: Record<string, number> = {};
  for (const label of [ALL, ...STATES]) out[label] = number(await group.getByRole('button', { name: new RegExp(`^${escape(label)}:`) }).innerText());
  return out;
}

test('the progress bar and the state chips count the same accounts: the five states add up to the bar\'s whole', async ({ page }) => {
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await openScreen(page, 'Đợt rà soát');
  const card = page.locator('article.campaign-card').first();
  const cardChips = Object.fromEntries(
    await Promise.all(STATES.map(async (s) => [s, number(await card.getByRole('link', { name: new RegExp(`^${escape(s)}:`) }).innerText())] as const)),
  );
  await card.locator('a.campaign-title').click();
  const table = page.getByRole('table', { name: 'Danh sách tài khoản cần đổi mật khẩu' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();

  const chips = await checklistChips(page);
  const sum = STATES.reduce((a, s) => a + chips[s]!, 0);
  expect(chips[ALL]).toBe(sum);
  // The demo has leavers' accounts: a bar that left them out would show a smaller whole.
  expect(chips[TO_CANCEL]).toBeGreaterThan(0);
  const bar = page.getByRole('progressbar').first();
  expect(Number(await bar.getAttribute('aria-valuemax'))).toBe(sum);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(chips[DONE]);
  // Exact numbers: nothing but a non-digit before the done count (a substring "97 / 120" passed for "197 / 120").
  const esc = (n: number) => n.toLocaleString('vi-VN').replace(/\./g, '\\.');
  await expect(page.locator('article.campaign-card').first()).toContainText(new RegExp(`(^|\\D)${esc(chips[DONE]!)} / ${esc(sum)} tài khoản`));
  // The campaign card (Đợt rà soát, Tổng quan) shows the same five counts.
  expect(cardChips).toEqual(Object.fromEntries(STATES.map((s) => [s, chips[s]])));
});
