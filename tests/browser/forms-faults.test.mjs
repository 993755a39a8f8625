// Forms refused for several fields at once, in Chromium on a fresh demo database: the
// sign-in form sent empty and a claim missing its date, category and credits. The error
// summary at the top lists every fault, each linked to its field; every field is marked
// at once and keeps what was typed; axe-core's WCAG 2.1 A/AA rules pass on the refused
// page at 1280 and 390 pixels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBothSizes, demoSite, newContext } from './support.mjs';

const TODAY = '2026-06-15';

const site = demoSite(TODAY, { timeout: 120000 });

const bothSizes = (page, name) => checkBothSizes(page, 'forms-faults', name);

test('the sign-in form sent empty marks both fields', { timeout: 120000 }, async () => {
    const context = await newContext(site.browser);
    const page = await context.newPage();
    await page.goto(`${site.base}/login`);
    // The server's checks, not the browser's: the empty required fields are sent.
    await page.locator('form[action="/login"]').evaluate((form) => { form.noValidate = true; });
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    assert.equal(await summary.locator('a[href="#email"]').count(), 1);
    assert.equal(await summary.locator('a[href="#password"]').count(), 1);
    assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#password').getAttribute('aria-invalid'), 'true');
    await bothSizes(page, 'login-refused');
    await summary.locator('a[href="#password"]').click();
    assert.match(page.url(), /#password$/);
    await context.close();
});

test('a claim missing three fields names all three', { timeout: 120000 }, async () => {
    const { context, page } = await site.signedIn('staff@example.org');
    await page.goto(`${site.base}/activities/new`);
    await page.locator('form[data-claim="true"]').evaluate((form) => { form.noValidate = true; });
    await page.getByLabel('Kind of activity').selectOption('workshop');
    await page.getByLabel('Title', { exact: true }).fill('Typed title');
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    for (const id of ['date', 'category', 'credits']) {
        assert.equal(await summary.locator(`a[href="#${id}"]`).count(), 1, `${id} is listed`);
        assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true',
            `${id} is marked`);
    }
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Typed title');
    await bothSizes(page, 'claim-refused');
    await context.close();
});
