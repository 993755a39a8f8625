// The statewide picture and the newly certified in real Chromium, at 1280 and 390 pixels
// with axe-core's WCAG 2.1 A/AA rules on each page and no sideways scrolling on a phone:
// the coordinator chooses the filters in the form, has a range refused (its last day
// before its first), then lists the newly certified with the announcement to edit; a
// consultant sees the libraries they serve. (pages.test.mjs sweeps both pages among the coordinator's.)
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PASSWORD, PHONE, checkPage, demoSite, newContext, signIn } from './support.mjs';

const TODAY = '2026-06-15';

const site = demoSite(TODAY);

// axe, no sideways scrolling, and a screenshot named after the page and the width.
const checked = (page, name, size) => checkPage(page, 'statewide', name, size);

// Runs visit(page, size) signed in as who, at both widths.
async function atBothWidths(who, visit) {
    for (const viewport of [DESKTOP, PHONE]) {
        const size = viewport === DESKTOP ? 'desktop' : 'phone';
        const context = await newContext(site.browser, { viewport });
        try {
            const page = await context.newPage();
            await signIn(page, site.base, who, PASSWORD);
            await visit(page, size);
            assert.deepEqual(context.problems, [], `${who}: no console errors or failed resources`);
        } finally {
            await context.close();
        }
    }
}

test('the coordinator filters the statewide picture and lists the newly certified',
    { timeout: 240000 }, async () => {
        await atBothWidths('coordinator@example.org', async (page, size) => {
            await page.goto(`${site.base}/statewide`);
            assert.equal(await page.locator('main svg[role="img"]').count(), 4, 'four charts');
            await checked(page, 'the statewide picture', size);
            await page.getByLabel('Program', { exact: true }).selectOption('msl-trustee');
            await page.getByLabel('Kind of library', { exact: true }).selectOption('public');
            await page.getByRole('button', { name: 'Show' }).click();
            await page.waitForLoadState();
            assert.match(new URL(page.url()).search, /program=msl-trustee&kind=public/);
            await checked(page, 'the statewide picture, chosen in the form', size);
            await page.getByRole('link', { name: 'The newly certified' }).click();
            await page.waitForLoadState();
            await page.locator('main form').evaluate((form) => { form.noValidate = true; });
            await page.getByLabel('First day').fill('2026-06-15');
            await page.getByLabel('Last day').fill('2024-01-01');
            await page.getByRole('button', { name: 'Show' }).click();
            await page.waitForLoadState();
            assert.match(await page.getByRole('main').textContent(), /The last day comes before the first/);
            await checked(page, 'the newly certified, a range refused', size);
            await page.getByLabel('First day').fill('2024-01-01');
            await page.getByLabel('Last day').fill('2026-06-15');
            await page.getByLabel('Program', { exact: true }).selectOption('');
            await page.getByLabel('Kind of library', { exact: true }).selectOption('');
            await page.getByRole('button', { name: 'Show' }).click();
            await page.waitForLoadState();
            assert.match(await page.getByRole('main').textContent(), /certificates awarded from 2024-01-01/);
            await checked(page, 'the newly certified of two and a half years', size);
        });
    });

test('a consultant sees the statewide picture of the libraries they serve',
    { timeout: 120000 }, async () => {
        await atBothWidths('consultant@example.org', async (page, size) => {
            await page.goto(`${site.base}/statewide`);
            assert.match(await page.getByRole('main').textContent(), /the libraries you serve/);
            await checked(page, 'the consultants statewide picture', size);
        });
    });
