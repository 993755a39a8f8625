// The verifier's queue and the event catalog with their search, kind filter and sorted
// columns, and forms refused for several fields (every fault listed in the summary at
// the top, each linked to its field, every field marked at once), in Chromium on a
// fresh demo database: axe-core's WCAG 2.1 A/AA rules pass on each page at 1280 and 390
// pixels, without sideways scrolling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBothSizes, demoSite } from './support.mjs';

const TODAY = '2026-06-15';

const site = demoSite(TODAY, { timeout: 120000 });

const bothSizes = (page, name) => checkBothSizes(page, 'lists-forms', name);

test('the verify queue searches, filters and sorts', { timeout: 120000 }, async () => {
    const { context, page } = await site.signedIn('director@example.org');
    await page.goto(`${site.base}/verify?sort=claimed&dir=desc`);
    const filters = page.getByRole('search', { name: 'Find claims' });
    await filters.getByLabel('Learner or title').fill('zz%_none');
    await filters.getByRole('button', { name: 'Find' }).click();
    assert.match(page.url(), /sort=claimed/);
    await page.getByText('No waiting claim matches the search').waitFor();
    await bothSizes(page, 'verify-none-found');
    await page.goto(`${site.base}/verify?sort=learner&dir=asc`);
    await bothSizes(page, 'verify-sorted');
    await context.close();
});

test('the catalog searches, sorts and fits the page', { timeout: 120000 }, async () => {
    const { context, page } = await site.signedIn('coordinator@example.org');
    await page.goto(`${site.base}/catalog?sort=credits&dir=desc`);
    const sorted = page.locator('th[aria-sort="descending"]');
    assert.match(await sorted.innerText(), /Credits/);
    await bothSizes(page, 'catalog-sorted');
    const filters = page.getByRole('search', { name: 'Find events' });
    await filters.getByLabel('Kind').selectOption('webinar');
    await filters.getByLabel('Title, sponsor or place').fill('no such event');
    await filters.getByRole('button', { name: 'Find' }).click();
    await page.getByText('No event matches the search').waitFor();
    await bothSizes(page, 'catalog-none-found');
    await context.close();
});

test('a form refused for two fields marks both at once', { timeout: 120000 }, async () => {
    const { context, page } = await site.signedIn('coordinator@example.org');
    await page.goto(`${site.base}/catalog/new`);
    // The server's checks, not the browser's: an empty required field is sent.
    await page.locator('form[action="/catalog/new"]').evaluate((form) => { form.noValidate = true; });
    await page.locator('#kind').selectOption('workshop');
    await page.locator('#starts').fill('2026-07-01');
    await page.locator('#credits').fill('zwei');
    await page.locator('#category').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Add the event' }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    assert.ok(await summary.locator('a[href="#title"]').count() === 1);
    assert.ok(await summary.locator('a[href="#credits"]').count() === 1);
    assert.equal(await page.locator('#title').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#credits').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#credits').inputValue(), 'zwei');
    await bothSizes(page, 'catalog-new-refused');
    await summary.locator('a[href="#credits"]').click();
    assert.match(page.url(), /#credits$/);
    await page.goto(`${site.base}/libraries/new`);
    await page.locator('form[action="/libraries/new"]').evaluate((form) => { form.noValidate = true; });
    await page.locator('#city').fill('Helena');
    await page.getByRole('button', { name: 'Add the library' }).click();
    await page.locator('#error-summary').waitFor();
    assert.ok(await page.locator('#error-summary li').count() >= 2);
    await bothSizes(page, 'library-new-refused');
    await context.close();
});
