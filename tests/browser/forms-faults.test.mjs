// Forms refused for several fields at once, in Chromium on a fresh demo database: the
// sign-in form sent empty and a claim missing its date, category and credits. The error
// summary at the top lists every fault, each linked to its field; every field is marked
// at once and keeps what was typed; axe-core's WCAG 2.1 A/AA rules pass on the refused
// page at 1280 and 390 pixels.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    DESKTOP, PASSWORD, PHONE, Server, checkPage, demoDatabase, ensureScreenshotDirectory,
    launchBrowser, newContext, signIn, workDirectory, tearDown,
} from './support.mjs';

const TODAY = '2026-06-15';

const work = workDirectory();
let server = null;
let browser = null;
let base = '';

before(async () => {
    ensureScreenshotDirectory();
    const db = await demoDatabase(work.path, TODAY);
    server = new Server(work.path, db);
    await server.start(TODAY);
    base = server.base;
    browser = await launchBrowser();
}, { timeout: 120000 });

after(() => tearDown(browser, server, work), { timeout: 30000 });

async function bothSizes(page, name) {
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        await page.setViewportSize(viewport);
        await checkPage(page, 'forms-faults', name, size);
    }
    await page.setViewportSize(DESKTOP);
}

test('the sign-in form sent empty marks both fields', { timeout: 120000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
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
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, 'staff@example.org', PASSWORD);
    await page.goto(`${base}/activities/new`);
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
