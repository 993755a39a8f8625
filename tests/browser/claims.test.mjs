// One event, one credit, as a learner meets it: claiming a catalog event they hold
// already is refused at the event field, naming the activity they hold and its state,
// and nothing is added. The refused form passes axe-core at 1280 and 390 pixels.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
    DESKTOP, PASSWORD, PHONE, Server, checkAccessible, demoDatabase, ensureScreenshotDirectory,
    launchBrowser, newContext, screenshots, signIn, workDirectory,
} from './support.mjs';

const TODAY = '2026-06-15';
const LEARNER = 'staff@example.org';

const work = workDirectory();
let db = '';
let server = null;
let browser = null;

function sql(query) {
    return execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
}

before(async () => {
    db = await demoDatabase(work.path, TODAY);
    server = new Server(work.path, db);
    await server.start(TODAY);
    browser = await launchBrowser();
    ensureScreenshotDirectory();
});

after(async () => {
    await browser?.close();
    await server?.stop();
    work.remove();
});

// Claims the catalog event with this id from the claim form; the page it leads to.
async function claimEvent(page, eventId) {
    await page.goto(`${server.base}/activities/new`);
    await page.getByLabel("Event from the State Library's catalog").selectOption(String(eventId));
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.waitForLoadState();
}

test('a catalog event claimed twice is refused at the event field', async () => {
    const person = sql(`SELECT id FROM people WHERE email = '${LEARNER}'`);
    const eventId = sql('SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM activities' +
        ` WHERE person_id = ${person} AND event_id IS NOT NULL) AND ends <= '${TODAY}'` +
        ' ORDER BY id LIMIT 1');
    assert.match(eventId, /^\d+$/, 'the learner holds every past event already');
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.base, LEARNER, PASSWORD);

    await claimEvent(page, eventId);
    // An old event the learner's open track will not count: the engine's reason is shown
    // first, and the learner sends it anyway.
    if (await page.getByRole('button', { name: 'Send it anyway' }).count() > 0) {
        await page.getByRole('button', { name: 'Send it anyway' }).click();
        await page.waitForLoadState();
    }
    assert.equal(new URL(page.url()).pathname, '/', 'the first claim is taken');
    const [key, state] = sql(`SELECT record_key, status FROM activities WHERE person_id = ${person}` +
        ` AND event_id = ${eventId}`).split('|');
    assert.ok(key, 'the claim is recorded');

    await claimEvent(page, eventId);
    const group = page.locator('.usa-form-group--error');
    assert.equal(await group.count(), 1, 'one field is marked');
    assert.equal(await group.locator('select#event').count(), 1, 'the event field is the one');
    const message = await page.locator('#error-message').innerText();
    assert.match(message, new RegExp(`already held as activity ${key} \\(${state}, `));
    assert.match(message, /a catalog event earns credit once/);
    assert.equal(sql(`SELECT COUNT(*) FROM activities WHERE person_id = ${person}` +
        ` AND event_id = ${eventId}`), '1', 'nothing was added');
    for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        await checkAccessible(page, `claim refused (${viewport.width} px)`);
        await page.screenshot({ path: join(screenshots, `claim-held-event-${viewport.width}.png`),
            fullPage: true });
    }
    assert.deepEqual(context.problems, []);
    await context.close();
});
