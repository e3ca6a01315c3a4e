// The console in a real browser against the real services: sign-in, the review and
// partnership flow across three roles, the coverage dashboard, Arabic right to left, and
// axe-core on every main page. Screenshots go to SCREENSHOT_DIR (see test/support/browser.ts).
import { join } from 'node:path';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, screenshotDir } from '../support/browser';
import { startConsole, upstreamsOf, type StartedConsole } from '../support/console';
import { waitForQuiet } from '../support/quiet';
import { Scenario, type Json } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { tokenFor } from '../support/tokens';

const LANG = 'rw';

describe('console in the browser', () => {
  let stack: Stack;
  let web: StartedConsole;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let s: Scenario;
  let provider: Json;
  let offer: Json;
  let req: Json;
  const shots = screenshotDir();

  beforeAll(async () => {
    stack = await startStack();
    web = await startConsole(upstreamsOf(stack));
    browser = await launchBrowser();
    s = new Scenario(stack);
    provider = await s.provider('government', 'KEN');
    const facilitator = await s.provider('government', 'DEU');
    offer = await s.offer(provider, LANG, { title: 'Speech and language data for public services', capacityAreas: ['language-technology', 'skills-and-education'] });
    await s.offer(facilitator, LANG, { title: 'Co-financing for triangular cooperation', role: 'facilitator', capacityAreas: ['language-technology'] });
    req = await s.request('RWA', LANG, { title: 'Kinyarwanda speech technology for e-government', capacityAreas: ['language-technology'] });
    await s.request('FJI', 'fj', { title: 'Climate data skills', capacityAreas: ['data'] });
    await waitForQuiet();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
  });

  afterEach(() => context?.close());

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await stack?.close();
  });

  async function pasteToken(token: string): Promise<void> {
    await page.goto(web.url);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function signInAsCoordinatorWithPicker(): Promise<void> {
    await page.goto(web.url);
    await page.getByRole('button', { name: 'Sign in with a development token' }).click();
    await page.getByText('Coordinator', { exact: true }).first().waitFor();
  }

  it('lets a coordinator accept, the country and the donor confirm, and shows the partnership agreed', async () => {
    await signInAsCoordinatorWithPicker();
    // The request has two suggestions: Kenya's offer alone, and the triangular bundle with the
    // German facilitator (whose order the ranking decides). Accept Kenya's alone, so the two
    // parties this test signs in as (Rwanda and Kenya's donor) are every party to confirm.
    const proposed = (await s.get(stack.matching, `/v1/suggestions?requestId=${req.id}&status=proposed`)).body.items as Json[];
    const single = proposed.filter((x) => x.offerIds.length === 1 && x.offerIds[0] === offer.id);
    expect(single).toHaveLength(1);
    await page.getByRole('button', { name: /Kinyarwanda speech technology/ }).click();
    const card = page.locator(`article[data-suggestion="${single[0].id}"]`);
    await card.getByText(/Capacity areas: strong fit/).waitFor();
    await page.screenshot({ path: join(shots, 'review-queue.png'), fullPage: true });
    await card.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('Accepted: the partnership now waits for the parties to confirm.').waitFor();

    const [partnership] = (await s.get(stack.matching, `/v1/partnerships?requestId=${req.id}`)).body.items as Json[];
    expect([partnership.status, partnership.offerIds]).toEqual(['pending', [offer.id]]);
    await waitForQuiet();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await pasteToken(await tokenFor({ role: 'country', country: 'RWA', sub: 'rwanda-focal-point' }));
    await page.getByText('Country focal point').waitFor();
    const mine = page.locator(`[data-partnership="${partnership.id}"]`);
    await mine.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Your confirmation is recorded.').waitFor();
    await page.screenshot({ path: join(shots, 'country-confirms.png'), fullPage: true });
    await page.getByRole('link', { name: 'My requests' }).click();
    await page.getByRole('cell', { name: req.title }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await pasteToken(await tokenFor({ role: 'donor', providerId: provider.id, sub: 'kenya-donor' }));
    await page.locator(`[data-partnership="${partnership.id}"]`).getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Your confirmation is recorded.').waitFor();
    await waitForQuiet();
    // Agreed once every confirmation is in and both owners answered (slot reserved, request
    // held): the system is quiet, so the partnership is agreed now, and a reload shows it.
    const read = await s.get(stack.matching, `/v1/partnerships/${partnership.id}`);
    expect(read.body).toMatchObject({ status: 'agreed' });

    await page.reload();
    const agreed = page.locator(`[data-partnership="${partnership.id}"][data-status="agreed"]`);
    await agreed.waitFor();
    expect(await agreed.getByText('Agreed', { exact: true }).count()).toBe(1);
  });

  it('renders the coverage dashboard charts and offers the CSV download', async () => {
    await signInAsCoordinatorWithPicker();
    await page.getByRole('link', { name: 'Coverage' }).click();
    await page.getByRole('heading', { name: 'Requests by region' }).waitFor();
    const charts = page.locator('[data-chart]');
    await charts.nth(4).locator('svg.recharts-surface').first().waitFor();
    expect(await charts.count()).toBe(5);
    for (let i = 0; i < 5; i++) expect(await charts.nth(i).locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: /Gaps: open requests with no suggestion/ }).waitFor();
    await page.screenshot({ path: join(shots, 'coverage-dashboard.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('capmatch-coverage.csv');
    const csv = await request(web.http).get('/v1/reports/coverage').set('Accept', 'text/csv')
      .auth(await tokenFor({ role: 'coordinator' }), { type: 'bearer' });
    expect(csv.text.split('\r\n')[0]).toBe('breakdown,value,open,matched,partnerships');
  });

  it('renders Arabic right to left, labels from the taxonomy included', async () => {
    await signInAsCoordinatorWithPicker();
    await page.getByRole('link', { name: 'Coverage' }).click();
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: 'الطلبات حسب المنطقة' }).waitFor();
    const html = page.locator('html');
    expect([await html.getAttribute('dir'), await html.getAttribute('lang')]).toEqual(['rtl', 'ar']);
    const nav = await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).boundingBox();
    expect(nav!.x).toBeGreaterThan(640);
    await page.screenshot({ path: join(shots, 'coverage-arabic-rtl.png'), fullPage: true });
  });

  it('has no critical (nor serious) axe-core violation on the main pages, in English and Arabic, on a phone too', async () => {
    const critical: string[] = [];
    const check = async (where: string) => {
      for (const v of await axeViolations(page)) {
        if (v.impact === 'critical' || v.impact === 'serious') critical.push(`${where}: ${v.id} (${v.help}, ${v.nodes} nodes, first ${v.first})`);
      }
    };
    await page.goto(web.url);
    await page.getByLabel('Access token').waitFor();
    await check('sign-in');
    await signInAsCoordinatorWithPicker();
    for (const [name, ready] of [['Review queue', 'Review queue'], ['Partnerships', 'Agreed partnerships'], ['Allocation plans', 'Compute plan'], ['Coverage', 'Requests by region']]) {
      await page.getByRole('link', { name }).click();
      await page.getByText(ready, { exact: false }).first().waitFor();
      await check(name);
    }
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: 'الطلبات حسب المنطقة' }).waitFor();
    await check('Coverage (ar)');

    await page.getByRole('combobox', { name: 'اللغة' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Main navigation' }).click();
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await check('Review queue (phone)');
    await page.screenshot({ path: join(shots, 'review-queue-phone.png'), fullPage: true });
    expect(critical).toEqual([]);
  });
});
