import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, generateRba, launchChromium, screenshot, serve, temporaryDirectory, type Served } from './harness.js';

const views = ['Overview', 'Events', 'Users', 'Timeline', 'Training', 'Alerts', 'Live', 'Settings'] as const;
const token = 'e2e-token-0123456789abcdef';

let directory: ReturnType<typeof temporaryDirectory>;
let served: Served;
let browser: Browser;
let page: Page;
let errors: string[];
let logFile: string;

beforeAll(async () => {
  directory = temporaryDirectory();
  // Large enough (a few MB) that the import reports progress before it finishes.
  logFile = generateRba(directory.path, 'rba.csv', { users: 150, days: 30, seed: 1 });
  served = await serve(join(directory.path, 'case.vigil'), token);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  errors = collectPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  directory?.cleanup();
});

async function open(view: (typeof views)[number]): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: view, exact: true }).waitFor();
}

describe('Vigil in a browser against vigil serve', () => {
  it('refuses a browser without the token and explains how to get in', async () => {
    const stranger = await browser.newPage();
    await stranger.goto(served.url);
    await stranger.getByRole('heading', { name: 'Vigil needs its access link' }).waitFor();
    await screenshot(stranger, '00-access-required');
    await stranger.close();
  });

  it('opens with the token link and shows every view by its name (empty case)', async () => {
    await page.goto(served.loginUrl);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(page.url()).not.toContain('token='); // the cookie holds it now, not the address bar
    await page.getByText('This case has no events yet').waitFor();
    for (const view of views) {
      await open(view);
      await screenshot(page, `01-empty-${view.toLowerCase()}`);
    }
    // Training needs events: disabled, with the reason next to it. Live says it is not listening and offers a listener.
    await open('Training');
    expect(await page.getByRole('button', { name: 'Train' }).isDisabled()).toBe(true);
    await open('Live');
    await page.getByText('Not listening', { exact: true }).waitFor();
    expect(await page.getByRole('form', { name: 'Start a listener' }).getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
  });

  it('imports a generated RBA file from the Overview, with progress, then shows the counts', async () => {
    await open('Overview');
    // Record what the progress area showed, however briefly (a page script: no DOM types in this Node-typed file).
    await page.evaluate(`
      window.seen = { bar: false, figures: false };
      new MutationObserver(() => {
        if (document.querySelector('[role="progressbar"]')) window.seen.bar = true;
        if (document.querySelector('.import-progress')?.textContent?.includes('events/s')) window.seen.figures = true;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    `);
    await page.getByLabel('Log file path on the server').fill(logFile);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.waitFor({ timeout: 60_000 });
    const seen = await page.evaluate<{ bar: boolean; figures: boolean }>('window.seen');
    expect(seen.bar).toBe(true);
    expect(seen.figures).toBe(true);
    const imported = Number(((await summary.locator('strong').first().textContent()) ?? '').replace(/\D/g, ''));
    expect(imported).toBeGreaterThan(1000);
    const events = page.locator('.stat', { hasText: 'Events' }).first().locator('.stat-value');
    await expect.poll(async () => Number(((await events.textContent()) ?? '').replace(/\D/g, ''))).toBe(imported);
    await page.getByRole('heading', { name: 'Countries' }).waitFor();
    await screenshot(page, '02-overview-imported');
  });

  it('filters Events by a user and shows only that user', async () => {
    await open('Events');
    const firstUser = (await page.getByRole('table', { name: 'Events' }).getByRole('row').nth(1).getByRole('cell').nth(1).textContent()) ?? '';
    expect(firstUser).not.toBe('');
    await page.getByLabel('User', { exact: true }).fill(firstUser);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/user=/);
    const table = page.getByRole('table', { name: 'Events' });
    await expect.poll(async () => (await table.getByRole('row').count()) > 1).toBe(true);
    const users = await table.locator('[role="rowgroup"].virtual-body [role="row"]').evaluateAll((rows) => rows.map((row) => row.children[1]?.textContent));
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users)).toEqual(new Set([firstUser]));
    await table.locator('[role="rowgroup"].virtual-body [role="row"]').first().click();
    await page.getByRole('heading', { name: 'Raw line' }).waitFor();
    await screenshot(page, '03-events-filtered-detail');
  });

  it('shows a user profile, the timeline with zoom, and the other views with data', async () => {
    await open('Users');
    // The busiest user in the list, so the profile has a habit to show.
    const rows = page.locator('.users-search tbody tr');
    await rows.first().waitFor();
    const counts = await rows.evaluateAll((elements) => elements.map((row) => Number(row.children[1]?.textContent?.replace(/\D/g, ''))));
    await rows.nth(counts.indexOf(Math.max(...counts))).click();
    await page.getByRole('grid', { name: /Logins per hour of week/ }).waitFor();
    await screenshot(page, '04-users-profile');

    await open('Timeline');
    const chart = page.locator('.timeline-chart');
    await chart.waitFor();
    const box = await chart.boundingBox();
    if (!box) throw new Error('no chart');
    await screenshot(page, '05-timeline');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/from=\d+/);
    await page.locator('section[aria-busy="false"]', { has: page.locator('.timeline-chart') }).waitFor();
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.6);
    await page.getByRole('table', { name: 'Events in the selected bucket' }).waitFor();
    await screenshot(page, '06-timeline-zoomed-bucket');

    for (const view of ['Training', 'Alerts', 'Live', 'Settings'] as const) {
      await open(view);
      await screenshot(page, `07-${view.toLowerCase()}`);
    }
    await page.getByLabel('Challenge at risk ≥').fill('45');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  });

  it('trains from the Training view with live progress, then shows the run\'s quality', async () => {
    await open('Training');
    // Fewer epochs keep the test quick; the loss chart still gets a point per epoch.
    await page.getByLabel('Epochs').fill('4');
    await page.evaluate(`
      window.trainingSeen = { phases: false, stop: false, loss: false };
      new MutationObserver(() => {
        if (document.querySelector('.phases [role="progressbar"]')) window.trainingSeen.phases = true;
        if ([...document.querySelectorAll('button')].some((button) => button.textContent === 'Stop')) window.trainingSeen.stop = true;
        if (document.querySelector('.loss-chart canvas')) window.trainingSeen.loss = true;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    `);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Training finished' }).waitFor({ timeout: 110_000 });
    expect(await page.evaluate<{ phases: boolean; stop: boolean; loss: boolean }>('window.trainingSeen')).toEqual({ phases: true, stop: true, loss: true });
    const auc = page.locator('.stat', { hasText: 'ROC AUC' }).locator('.stat-value');
    await auc.waitFor({ timeout: 60_000 });
    expect(Number(await auc.textContent())).toBeGreaterThan(0.8);
    await page.getByRole('table', { name: 'Quality per attack type' }).waitFor();
    // The threshold slider redraws the confusion table without asking the engine.
    const caught = page.getByRole('table', { name: /Confusion table at risk/ }).locator('td').first();
    const before = await caught.textContent();
    await page.getByRole('slider', { name: 'Alert threshold' }).fill('95');
    await page.getByRole('table', { name: 'Confusion table at risk 95' }).waitFor();
    expect(await caught.textContent()).not.toBe(before);
    await screenshot(page, '08-training-metrics');
  });

  it('shows each event\'s risk in Events, filters by level high and explains a score', async () => {
    await open('Events');
    const table = page.getByRole('table', { name: 'Events' });
    await table.getByRole('columnheader', { name: 'Risk' }).waitFor();
    await page.getByRole('combobox', { name: /^Risk/ }).selectOption('high');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/risk=high/);
    const rows = table.locator('[role="rowgroup"].virtual-body [role="row"]');
    await rows.first().waitFor();
    const levels = await rows.evaluateAll((elements) => elements.map((row) => row.children[0]?.textContent ?? ''));
    expect(levels.length).toBeGreaterThan(0);
    for (const level of levels) expect(level).toMatch(/^(high|critical) \d+$/);
    await rows.first().click();
    await page.getByRole('list', { name: 'Reasons' }).waitFor();
    await page.getByRole('table', { name: 'Score components' }).waitFor();
    await screenshot(page, '09-events-risk');
  });

  it('lists incidents in Alerts, opens one with its alerts and acknowledges it with a note', async () => {
    await open('Alerts');
    const incidents = page.getByRole('table', { name: 'Incidents' });
    await incidents.locator('tbody tr').first().click();
    const triage = page.getByRole('form', { name: 'Triage' });
    await triage.waitFor();
    await page.getByRole('list', { name: 'Alerts of the incident' }).locator('li').first().waitFor();
    await triage.getByLabel(/Note/).fill('Checked with the user: not them.');
    await triage.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('list', { name: 'Triage history' }).getByText('Checked with the user: not them.').waitFor();
    await page.getByRole('tab', { name: /Acknowledged 1/ }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^vigil-incidents-run\d+-.*\.csv$/);
    await screenshot(page, '10-alerts');
  });

  it('marks alerts on the Timeline and sums up the risk on the Overview', async () => {
    await open('Timeline');
    await page.getByRole('img', { name: /with [\d,]+ alerts/ }).waitFor();
    await page.getByRole('link', { name: /[\d,]+ alerts/ }).waitFor();
    await screenshot(page, '11-timeline-risk');
    await open('Overview');
    await page.getByRole('heading', { name: /Risk by run #\d+/ }).waitFor();
    await page.getByRole('table', { name: 'Users with the most alerts' }).waitFor();
    await screenshot(page, '12-overview-risk');
  });

  it('allow-lists an incident\'s address, lists it in Settings, removes it, and shows account locks on Live', async () => {
    await open('Alerts');
    await page.getByRole('table', { name: 'Incidents' }).locator('tbody tr').first().click();
    const allow = page.getByRole('form', { name: 'Allow-list' });
    await allow.waitFor();
    const labels = await allow.locator('option').allTextContents();
    const address = labels.find((label) => label.startsWith('Address '));
    expect(address).toBeDefined();
    await allow.getByLabel('Never alert on').selectOption({ label: address! });
    await allow.getByLabel('Why it is trusted').fill('our scanner');
    await allow.getByRole('button', { name: 'Add to allow-list' }).click();
    await allow.getByRole('status').getByText(`${address} is allow-listed`).waitFor();
    await screenshot(page, '13-alerts-allow-listed');
    await open('Settings');
    const entries = page.getByRole('table', { name: 'Allow-list entries' });
    await entries.getByText(address!.replace('Address ', '')).waitFor();
    await entries.getByText('our scanner').waitFor();
    await screenshot(page, '14-settings-allow-list');
    await entries.getByRole('button', { name: /Remove .* from the allow-list/ }).click();
    await page.getByText('Nothing allow-listed').waitFor();
    await open('Live');
    await page.getByText('No account is locked').waitFor();
  });

  it('listens on UDP from the Live view, plays the brute-force demo into it and shows the alerts and the lock', async () => {
    await open('Live');
    const form = page.getByRole('form', { name: 'Start a listener' });
    await form.getByLabel(/Listen on/).fill('127.0.0.1:0');
    await form.getByRole('button', { name: 'Start' }).click();
    const listeners = page.getByRole('table', { name: 'Running listeners' });
    await listeners.getByText(/^127\.0\.0\.1:\d+$/).waitFor();
    await page.getByRole('status', { name: 'Live scoring' }).getByText(/Scoring with run #\d+/).waitFor();
    const demo = page.getByRole('form', { name: 'Trainer demo' });
    await demo.getByLabel('Scenario').selectOption('brute-force-takeover');
    await demo.getByLabel(/Speed/).fill('100');
    await demo.getByRole('button', { name: 'Play demo' }).click();
    await page.getByRole('status', { name: 'Demo progress' }).getByText('Demo finished').waitFor({ timeout: 60_000 });
    await page.getByRole('list', { name: 'Live alerts' }).locator('li').first().waitFor();
    const locks = page.getByRole('table', { name: 'Account locks' });
    await locks.getByRole('button', { name: /Lift the lock on/ }).first().waitFor();
    await screenshot(page, '15-live-demo');
    await locks.getByRole('button', { name: /Lift the lock on/ }).first().click();
    await locks.getByText(/Lifted by/).first().waitFor();
    await listeners.getByRole('button', { name: /Stop listener/ }).click();
    await page.getByText('Not listening', { exact: true }).waitFor();
  });

  it('logged no errors and no CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
