// Every page a person can reach, for every demo log-in: starting from the home page, the
// crawl follows the site's own links (GET only: nothing changes), and checks each route
// pattern it meets (a path with its numbers taken for ids, /people/{id}) on two instances
// (not every person and library) with axe-core's WCAG 2.1 A/AA rules at 1280 and at 390
// pixels, with no sideways scrolling at 390, no console error and no failed resource,
// and keeps a screenshot of the first instance of each at both widths
// (build-test/tests/browser/screenshots/crawl-WHO-PATTERN-SIZE.png).
// Signed out, it crawls the public pages the same way. It reports every finding of a
// log-in at once, then fails on any.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
    DESKTOP, PASSWORD, PHONE, checkAccessible, demoSite, horizontalOverflow, newContext,
    screenshots, signIn,
} from './support.mjs';

const TODAY = '2026-06-15';
const LOG_INS = [
    'coordinator@example.org', 'consultant@example.org', 'director@example.org',
    'staff@example.org', 'trustee@example.org', 'planner@example.org', 'ready@example.org',
];
const INSTANCES = 2; // of each route pattern
const MOST_PAGES = 80; // per log-in: a bound on the crawl, far above what the site has

// Links the crawl does not follow: files (PDFs, CSVs, feeds, credentials), the API, the
// assets, and pages whose GET is a one-time link rather than a page of the site.
const NOT_PAGES = /\.(pdf|csv|ics|json|jsonld|txt|svg|png|xml)$|^\/(api|assets|unsubscribe|oidc)\b|^\/logout$/;

const site = demoSite(TODAY);

// The route pattern of a path: each segment of digits is an id.
function patternOf(path) {
    return path.split('/').map((segment) => (/^\d+$/.test(segment) ? '{id}' : segment)).join('/');
}

// The site's own links on the page, as path and query, without fragments and files.
async function linksOn(page) {
    const hrefs = await page.$$eval('a[href]:not([download])', (links) =>
        links.map((link) => link.href));
    const found = [];
    for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin === new URL(site.base).origin && !NOT_PAGES.test(url.pathname)) {
            found.push(url.pathname + url.search);
        }
    }
    return found;
}

// A file name's part for a text: lower case, words joined by '-'.
const slug = (text) => text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

// Checks the page as it is at one width, and when shot names a file, keeps a screenshot
// of it there; returns what is wrong, or nothing.
async function findings(page, name, viewport, shot) {
    await page.setViewportSize(viewport);
    if (shot !== null) {
        await page.screenshot({ path: join(screenshots, shot), fullPage: true });
    }
    const wrong = [];
    try {
        await checkAccessible(page, name);
    } catch (error) {
        wrong.push(error.message);
    }
    if (viewport === PHONE) {
        const overflow = await horizontalOverflow(page);
        if (overflow !== 0) {
            wrong.push(`${name} scrolls sideways by ${overflow} px`);
        }
    }
    return wrong;
}

// Crawls from the home page in context; returns the patterns seen and what is wrong.
async function crawl(context, who) {
    const page = await context.newPage();
    if (who !== null) {
        await signIn(page, site.base, who, PASSWORD);
    }
    const queue = who !== null ? ['/'] : ['/', '/login', '/password-reset', '/check-certificate'];
    const seen = new Set();
    const instances = new Map();
    const wrong = [];
    while (queue.length > 0 && seen.size < MOST_PAGES) {
        const path = queue.shift();
        const pattern = patternOf(path.split('?')[0]);
        if (seen.has(path) || (instances.get(pattern) ?? 0) >= INSTANCES) {
            continue;
        }
        seen.add(path);
        const answer = await page.goto(`${site.base}${path}`);
        if (answer.status() >= 400) {
            wrong.push(`${path}: a link leads to an error page (${answer.status()})`);
            continue;
        }
        instances.set(pattern, (instances.get(pattern) ?? 0) + 1);
        const name = `${who ?? 'signed out'} ${path}`;
        // The first instance of each pattern: a screenshot at each width.
        const shot = instances.get(pattern) === 1
            ? `crawl-${slug((who ?? 'public').split('@')[0])}-${slug(pattern) || 'home'}` : null;
        wrong.push(...await findings(page, `${name} (desktop)`, DESKTOP,
            shot && `${shot}-desktop.png`));
        wrong.push(...await findings(page, `${name} (phone)`, PHONE, shot && `${shot}-phone.png`));
        await page.setViewportSize(DESKTOP);
        for (const link of await linksOn(page)) {
            if (!seen.has(link)) {
                queue.push(link);
            }
        }
    }
    wrong.push(...context.problems);
    console.log(`crawl as ${who ?? 'signed out'}: ${seen.size} pages, ` +
        `${instances.size} route patterns: ${[...instances.keys()].sort().join(' ')}`);
    return { patterns: instances, wrong };
}

for (const who of [...LOG_INS, null]) {
    test(`every page ${who ?? 'signed out'} can reach passes axe at 1280 and 390 px`,
        { timeout: 300000 }, async () => {
            const context = await newContext(site.browser);
            try {
                const { patterns, wrong } = await crawl(context, who);
                assert.ok(patterns.size >= (who === null ? 2 : 3),
                    `the crawl found only ${[...patterns.keys()].join(', ')}`);
                assert.deepEqual(wrong, [], `what is wrong:\n${wrong.join('\n')}`);
            } finally {
                await context.close();
            }
        });
}
