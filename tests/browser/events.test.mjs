// Events in Chromium on a fresh demo database: the coordinator adds an event hosted by
// director@ on the catalog's form; staff@ registers for it from the catalog with the
// keyboard; director@, its host, ticks staff@ on the roster and records attendance
// (twice); staff@'s dashboard shows the credit once. axe-core's WCAG 2.1 A/AA rules pass
// on the catalog and the roster at 1280 and 390 pixels, without sideways scrolling.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    DESKTOP, PASSWORD, PHONE, Server, checkPage, demoDatabase, ensureScreenshotDirectory,
    launchBrowser, newContext, signIn, tabTo, workDirectory, tearDown,
} from './support.mjs';

const TODAY = '2026-06-15';
const TITLE = 'Story Time Skills';

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

const main = (page) => page.getByRole('main');

async function signedIn(email) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, email, PASSWORD);
    return { context, page };
}

async function bothSizes(page, name) {
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        await page.setViewportSize(viewport);
        await checkPage(page, 'events', name, size);
    }
    await page.setViewportSize(DESKTOP);
}

test('an event registered for, attended and credited once', { timeout: 240000 }, async () => {
    const coordinator = await signedIn('coordinator@example.org');
    const form = coordinator.page;
    await form.goto(`${base}/catalog/new`);
    await form.locator('#title').fill(TITLE);
    await form.locator('#kind').selectOption('workshop');
    await form.locator('#starts').fill(TODAY);
    await form.locator('#credits').fill('2');
    await form.locator('#category').selectOption('technology');
    await form.locator('#place').fill('Helena, Montana State Library');
    await form.locator('#capacity').fill('10');
    await form.locator('#host').fill('director@example.org');
    await form.getByRole('button', { name: 'Add the event' }).click();
    await form.waitForLoadState();
    await assert.doesNotReject(main(form).getByText(`Added \u201c${TITLE}\u201d`).waitFor());
    await coordinator.context.close();

    const learner = await signedIn('staff@example.org');
    const catalog = learner.page;
    await catalog.goto(`${base}/catalog`);
    await bothSizes(catalog, 'catalog');
    const register = main(catalog).getByRole('button', { name: `Register ${TITLE}` });
    await tabTo(catalog, register);
    await Promise.all([catalog.waitForURL(/registered=1/), catalog.keyboard.press('Enter')]);
    await assert.doesNotReject(main(catalog).getByText('You are registered').waitFor());
    await assert.doesNotReject(main(catalog)
        .getByRole('button', { name: `Cancel registration ${TITLE}` }).waitFor());

    const host = await signedIn('director@example.org');
    const roster = host.page;
    await roster.goto(`${base}/catalog`);
    await roster.getByRole('link', { name: `Roster of ${TITLE}` }).click();
    await roster.waitForLoadState();
    await bothSizes(roster, 'roster');
    for (let run = 0; run < 2; run++) {
        const box = main(roster).getByRole('checkbox', { name: /Attended/ }).first();
        if (!(await box.isDisabled())) {
            await box.focus();
            await roster.keyboard.press('Space');
            assert.ok(await box.isChecked(), 'Space ticks the attendance box');
        }
        await roster.getByRole('button', { name: 'Record attendance' }).click();
        await roster.waitForLoadState();
    }
    await assert.doesNotReject(main(roster).getByText('Attended (recorded)').waitFor());
    await host.context.close();

    await catalog.goto(`${base}/`);
    const rows = main(catalog).getByRole('row').filter({ hasText: TITLE });
    assert.equal(await rows.count(), 1, 'the dashboard shows the credit once');
    await learner.context.close();
});
