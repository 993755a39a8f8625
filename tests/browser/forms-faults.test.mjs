// Forms refused for several fields at once, in Chromium on a fresh demo database: the
// sign-in form sent empty, a claim missing its date, category and credits, a roster file
// with two lines at fault and an LMS site sent empty. The error summary at the top lists
// every fault (and every line of the file at fault), each linked to its field or line;
// every field is marked at once and keeps what was typed; axe-core's WCAG 2.1 A/AA rules
// pass on the refused page at 1280 and 390 pixels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

test('a roster file with two lines at fault names the file and both lines', { timeout: 120000 },
    async () => {
        const { context, page } = await site.signedIn('coordinator@example.org');
        await page.goto(`${site.base}/catalog/new`);
        await page.locator('#title').fill('Roster Faults Day');
        await page.locator('#kind').selectOption('workshop');
        await page.locator('#starts').fill(TODAY);
        await page.locator('#credits').fill('1');
        await page.locator('#category').selectOption('technology');
        await Promise.all([page.waitForURL(/added=\d+/),
            page.getByRole('button', { name: 'Add the event' }).click()]);
        const event = new URL(page.url()).searchParams.get('added');
        await page.goto(`${site.base}/catalog/events/${event}/roster`);
        const file = join(site.work.path, 'roster-faults.csv');
        writeFileSync(file, 'email,name\nstaff@example.org,S\nnobody@example.org,N\n,Empty\n');
        await page.locator('#file').setInputFiles(file);
        await page.getByRole('button', { name: 'Upload the roster file' }).click();
        const summary = page.locator('#error-summary');
        await summary.waitFor();
        assert.equal(await summary.getAttribute('role'), 'alert');
        assert.equal(await summary.locator('a[href="#file"]').count(), 1);
        const lines = summary.locator('a[href^="#line-"]');
        assert.equal(await lines.count(), 2, 'both lines at fault are listed');
        assert.match(await lines.first().innerText(), /^Line 3: No one has this e-mail/);
        assert.equal(await page.locator('#file').getAttribute('aria-invalid'), 'true');
        assert.match(await page.locator('#file').getAttribute('aria-describedby'), /file-error/);
        for (const href of await lines.evaluateAll((links) => links.map((a) => a.hash))) {
            assert.equal(await page.locator(href).count(), 1, `${href} is a line of the table`);
        }
        await bothSizes(page, 'roster-upload-refused');
        await lines.first().click();
        assert.match(page.url(), /#line-3$/);
        await context.close();
    });

test('an LMS site sent empty marks both fields', { timeout: 120000 }, async () => {
    const { context, page } = await site.signedIn('coordinator@example.org');
    await page.goto(`${site.base}/harvest/sites/new`);
    await page.locator('form[action="/harvest/sites/new"]')
        .evaluate((form) => { form.noValidate = true; });
    await page.locator('#time_zone').selectOption('');
    await page.getByRole('button', { name: 'Add the site' }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    for (const id of ['url', 'time_zone']) {
        assert.equal(await summary.locator(`a[href="#${id}"]`).count(), 1, `${id} is listed`);
        assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true',
            `${id} is marked`);
    }
    await bothSizes(page, 'harvest-site-refused');
    await context.close();
});
