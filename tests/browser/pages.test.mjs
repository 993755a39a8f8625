// Every page of every role, one after the other, in real Chromium: axe-core's WCAG 2.1
// A/AA rules pass on each, none scrolls sideways on a phone, no console error or failed
// resource, and a screenshot of each at a desktop and a phone width is kept for a person
// to look at. The stories (story.test.mjs, strategic.test.mjs) walk the work itself; this
// sweep covers the pages no story needs: the catalog, certificates, staff, a person's
// progress, the libraries, the public certificate check, tokens, 403 and 404.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
    DESKTOP, PHONE, PASSWORD, Server, checkAccessible, demoDatabase, ensureScreenshotDirectory,
    horizontalOverflow, launchBrowser, newContext, screenshots, signIn, workDirectory,
} from './support.mjs';

const TODAY = '2026-06-15';

const work = workDirectory();
let server = null;
let browser = null;
let base = '';

before(async () => {
    ensureScreenshotDirectory();
    server = new Server(work.path, await demoDatabase(work.path, TODAY));
    await server.start(TODAY);
    base = server.base;
    browser = await launchBrowser();
}, { timeout: 60000 });

after(async () => {
    try {
        if (browser !== null) {
            await browser.close();
        }
    } finally {
        try {
            await server?.stop();
        } finally {
            work.remove();
        }
    }
}, { timeout: 30000 });

// The first link in the page's main content whose address starts with prefix + a number.
async function firstLink(page, prefix) {
    const href = await page.getByRole('main').locator(`a[href^="${prefix}"]`).first().getAttribute('href');
    assert.ok(href, `a link to ${prefix}… on ${page.url()}`);
    return href;
}

// Opens each page (a path, or a function of the page that finds one) as one person, at
// both widths: axe on the desktop page, the phone page must not scroll sideways, and
// both are photographed.
async function sweep(who, pages) {
    const results = [];
    for (const viewport of [DESKTOP, PHONE]) {
        const context = await newContext(browser, { viewport });
        try {
            const page = await context.newPage();
            if (who !== null) {
                await signIn(page, base, who, PASSWORD);
                assert.equal(new URL(page.url()).pathname, '/', `${who} signed in`);
            }
            for (const [name, where, expectedStatus = 200] of pages) {
                const path = typeof where === 'function' ? await where(page) : where;
                const answer = await page.goto(`${base}${path}`);
                assert.equal(answer.status(), expectedStatus, `${name} (${path}) answers ${expectedStatus}`);
                assert.ok(await page.getByRole('heading', { level: 1 }).count() === 1,
                    `${name} has one main heading`);
                const size = viewport === DESKTOP ? 'desktop' : 'phone';
                if (viewport === DESKTOP) {
                    await checkAccessible(page, `${name} (${path})`);
                } else {
                    const overflow = await horizontalOverflow(page);
                    console.log(`${name} at ${viewport.width}x${viewport.height}: ` +
                        `${overflow > 0 ? overflow + 'px of horizontal scrolling' : 'no horizontal scrolling'}`);
                    results.push([name, overflow]);
                }
                const file = `pages-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${size}.png`;
                await page.screenshot({ path: join(screenshots, file), fullPage: true });
            }
            assert.deepEqual(context.problems, [], `${who ?? 'anyone'}: no console errors or failed resources`);
        } finally {
            await context.close();
        }
    }
    for (const [name, overflow] of results) {
        assert.equal(overflow, 0, `${name} does not scroll sideways on a phone`);
    }
}

test("the coordinator's pages", { timeout: 180000 }, async () => {
    await sweep('coordinator@example.org', [
        ['review and award', '/review'],
        ['event catalog', '/catalog'],
        ['event catalog sorted by title', '/catalog?sort=title&dir=asc&page=2'],
        ['add an event', '/catalog/new'],
        ['certificates', '/certificates'],
        ['one certificate', async (page) => {
            await page.goto(`${base}/certificates`);
            return firstLink(page, '/certificates/');
        }],
        ['compliance', '/compliance'],
        ['libraries', '/libraries'],
        ['one library', async (page) => {
            await page.goto(`${base}/libraries`);
            return firstLink(page, '/libraries/');
        }],
        ['API tokens', '/tokens'],
    ]);
});

test("the director's pages", { timeout: 180000 }, async () => {
    await sweep('director@example.org', [
        ['claims to verify', '/verify'],
        ['plans to sign', '/plans'],
        ['your library', '/library'],
        ['your staff', '/staff'],
        ["a staff member's progress", async (page) => {
            await page.goto(`${base}/staff`);
            return firstLink(page, '/people/');
        }],
    ]);
});

test("a learner's pages, and the pages a learner may not open", { timeout: 180000 }, async () => {
    await sweep('staff@example.org', [
        ['dashboard', '/'],
        ['plan', '/plan'],
        ['claim an activity', '/activities/new'],
        ['final report', '/report'],
        ['not allowed', '/catalog', 403],
        ['not found', '/no-such-page', 404],
    ]);
});

test('the public pages', { timeout: 120000 }, async () => {
    // A verification code, as the coordinator's certificate page links to it.
    const context = await newContext(browser);
    let check = '';
    try {
        const page = await context.newPage();
        await signIn(page, base, 'coordinator@example.org', PASSWORD);
        await page.goto(`${base}${await (async () => {
            await page.goto(`${base}/certificates`);
            return firstLink(page, '/certificates/');
        })()}`);
        check = await firstLink(page, '/check-certificate?code=');
    } finally {
        await context.close();
    }
    await sweep(null, [
        ['sign in', '/login'],
        ['certificate check', check],
        ['certificate check form', '/check-certificate'],
    ]);
});
