// Every page of every role, one after the other, in real Chromium: axe-core's WCAG 2.1
// A/AA rules pass on each, none scrolls sideways on a phone, no console error or failed
// resource, and a screenshot of each at a desktop and a phone width is kept for a person
// to look at. The stories (story.test.mjs, strategic.test.mjs) walk the work itself; this
// sweep covers the pages no story needs: the catalog, certificates, staff, a person's
// progress, the libraries (added, edited, closed, and their strategic plans kept, with
// each form refused once), the statewide picture and the newly certified (at both
// widths with axe in statewide.test.mjs), the harvest pages (with a site, an import and statements
// waiting in the inbox, made before the sweep), the public certificate check, tokens,
// the profile and the second factor's setup, 403 and 404.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    DESKTOP, PHONE, PASSWORD, Server, checkAccessible, demoDatabase, ensureScreenshotDirectory,
    exe, horizontalOverflow, launchBrowser, newContext, root, screenshots, signIn, workDirectory, tearDown,
} from './support.mjs';

const TODAY = '2026-06-15';

const work = workDirectory();
let server = null;
let browser = null;
let base = '';

// The harvest: two LMS sites, a catalog event mapped to a report's activity, a report
// imported (created, refused and not completed records) and, once the server runs, xAPI
// statements waiting for an account link and a course mapping. Returns the xAPI site's
// key and secret.
function harvestData(db) {
    const certtrack = (...args) => execFileSync(exe, [...args, '--db', db, '--programs',
        join(root, 'programs')], { env: { ...process.env, CERTTRACK_TODAY: TODAY }, encoding: 'utf8' });
    certtrack('site', 'add', '--url', 'https://learn.example.org', '--time-zone', 'America/Denver');
    const site = certtrack('site', 'add', '--url', 'http://www.example.org');
    certtrack('catalog', 'add', '--title', 'Weeding Well: quiz', '--kind', 'course', '--credits', '1',
        '--category', 'collection-management', '--course-url',
        'https://learn.example.org/course/view.php?id=7', '--lms-name', 'Weeding Well: Quiz');
    const report = join(work.path, 'progress.weeding_well_a_long_course_name.csv');
    const rows = [',"Email address","Weeding Well: Quiz","","Weeding Well: Survey",""'];
    rows.push('"Ada Lovelace","staff@example.org","Completed","2026-05-03 14:22:05","Completed",' +
        '"2026-05-04 10:00:00"');
    for (let i = 0; i < 60; i++) {
        rows.push(`"Learner ${i}","learner${i}@example.net","Completed","2026-05-05 10:00:00",` +
            '"Not completed",""');
    }
    writeFileSync(report, rows.join('\n') + '\n');
    certtrack('import', 'moodle-progress', report, '--site', 'https://learn.example.org');
    return {
        key: site.match(/^xAPI key: *(\S+)$/m)[1],
        secret: site.match(/^xAPI secret: *(\S+)$/m)[1],
    };
}

// Statements of an unlinked account about an unmapped course: they wait in the inbox.
async function waitingStatements({ key, secret }) {
    for (const [account, course] of [['1', 2], ['1', 3], ['77', 2]]) {
        const answer = await fetch(`${base}/xapi/statements`, {
            method: 'POST',
            headers: {
                Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
                'X-Experience-API-Version': '1.0.3',
                'Content-Type': 'application/json',
            },
            body: JSON.stringify({
                actor: { account: { homePage: 'http://www.example.org', name: account } },
                verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
                object: {
                    id: `http://www.example.org/course/view.php?id=${course}`,
                    definition: { name: { en: `Weeding Well, part ${course}` },
                        type: 'https://w3id.org/xapi/cmi5/activitytype/course' },
                },
                timestamp: '2026-06-10T21:30:00-06:00',
            }),
        });
        assert.equal(answer.status, 200, `a waiting statement is accepted: ${await answer.text()}`);
    }
}

before(async () => {
    ensureScreenshotDirectory();
    const db = await demoDatabase(work.path, TODAY);
    const credentials = harvestData(db);
    server = new Server(work.path, db);
    await server.start(TODAY);
    base = server.base;
    await waitingStatements(credentials);
    browser = await launchBrowser();
}, { timeout: 60000 });

after(() => tearDown(browser, server, work), { timeout: 30000 });

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
        ['the statewide picture', '/statewide'],
        ['the statewide picture, filtered', '/statewide?program=msl-staff&kind=public'],
        ['the newly certified', '/statewide/certified?from=2025-01-01&to=2026-06-15'],
        ['libraries', '/libraries'],
        ['one library', async (page) => {
            await page.goto(`${base}/libraries`);
            return firstLink(page, '/libraries/1');
        }],
        ['add a library', '/libraries/new'],
        ['close a library: the confirmation', '/libraries/1/close'],
        ['one strategic-plan goal', '/libraries/1/goals/1'],
        ['API tokens', '/tokens'],
        ['your profile', '/profile'],
        ['set up a second factor', '/profile/second-factor'],
        ['settings', '/settings'],
        ['bring in earlier records', '/imports'],
        ['harvest', '/harvest'],
        ['add an LMS site', '/harvest/sites/new'],
        ['one LMS site', '/harvest/sites/2'],
        ['one LMS site with imports', '/harvest/sites/1'],
        ['import a report', '/harvest/imports/new?site=1'],
        ['report imports', '/harvest/imports'],
        ['one import', '/harvest/imports/1'],
        ['one import, refused records, page 2', '/harvest/imports/1?outcome=refused&page=2'],
        ['harvest inbox', '/harvest/inbox'],
        ['find a person', '/people?q=example'],
        ['add a person', '/people/new'],
        ['one person, with the forms that keep the record', async (page) => {
            await page.goto(`${base}/people?q=staff%40example.org`);
            return firstLink(page, '/people/');
        }],
        ['merge two records, the confirmation', async (page) => {
            await page.goto(`${base}/people?q=example.org&sort=email`);
            const links = page.getByRole('main').locator('table a[href^="/people/"]');
            const first = (await links.nth(0).getAttribute('href')).split('/')[2];
            const second = (await links.nth(1).getAttribute('href')).split('/')[2];
            return `/people/${first}/merge?into=${second}`;
        }],
    ]);
});

test('the coordinator adds a person in the browser, refused first, then edits the record',
    { timeout: 120000 }, async () => {
        const context = await newContext(browser);
        try {
            const page = await context.newPage();
            await signIn(page, base, 'coordinator@example.org', PASSWORD);
            await page.getByRole('search', { name: 'Find a person', exact: true })
                .getByRole('searchbox').fill('director');
            await Promise.all([page.waitForURL(/\/people\?q=director$/), page.keyboard.press('Enter')]);
            assert.match(await page.locator('main').textContent(), /People found/);
            await page.goto(`${base}/people/new`);
            await page.locator('main form').evaluate((form) => { form.noValidate = true; });
            await page.getByRole('button', { name: 'Add the person' }).click();
            await page.waitForLoadState();
            await checkAccessible(page, 'a refused new person');
            await page.screenshot({ path: join(screenshots, 'pages-add-a-person-refused-desktop.png'),
                fullPage: true });
            await page.getByLabel(/^Name\b/).fill('Élodie Hire');
            await page.getByLabel('E-mail address').fill('elodie@example.org');
            await page.getByLabel('Library', { exact: true }).selectOption({ index: 2 });
            await page.getByLabel('Position at the library').selectOption('staff');
            await page.locator('label[for="role-learner"]').click();
            await page.getByLabel('Learner: the day the role began').fill('2025-07-01');
            await page.getByRole('button', { name: 'Add the person' }).click();
            await page.waitForLoadState();
            assert.match(new URL(page.url()).pathname, /^\/people\/\d+$/);
            assert.match(await page.locator('main').textContent(), /The person is added/);
            assert.match(await page.locator('main').textContent(), /Learner \(since 2025-07-01\)/);
            await checkAccessible(page, 'a person added, with the forms that keep the record');
            await page.getByLabel('E-mail address').fill('director@example.org');
            await page.getByRole('button', { name: 'Save the record' }).click();
            await page.waitForLoadState();
            await checkAccessible(page, 'a refused edit of a person');
            assert.deepEqual(context.problems, [], 'no console errors or failed resources');
        } finally {
            await context.close();
        }
    });

test('the coordinator adds an LMS site, uploads a report and links an account in the browser',
    { timeout: 120000 }, async () => {
        const context = await newContext(browser);
        try {
            const page = await context.newPage();
            await signIn(page, base, 'coordinator@example.org', PASSWORD);
            await page.goto(`${base}/harvest/sites/new`);
            // The server's own refusal, not the browser's check of a required field.
            await page.locator('main form').evaluate((form) => { form.noValidate = true; });
            await page.getByRole('button', { name: 'Add the site' }).click();
            await page.waitForLoadState();
            await checkAccessible(page, 'a refused site');
            await page.screenshot({ path: join(screenshots, 'pages-add-an-lms-site-refused-desktop.png'),
                fullPage: true });
            await page.getByLabel('Address').fill('https://moodle.example.org');
            await page.getByLabel('Time zone', { exact: true }).selectOption('America/Chicago');
            await page.getByRole('button', { name: 'Add the site' }).click();
            await page.waitForLoadState();
            assert.match(await page.locator('#xapi-secret').textContent(), /^[0-9a-f]{64}$/);
            await checkAccessible(page, 'the site added, its secret shown once');
            await page.screenshot({ path: join(screenshots, 'pages-lms-site-added-desktop.png'),
                fullPage: true });

            await page.goto(`${base}/harvest/imports/new`);
            await page.getByLabel('Site').selectOption({ label: 'https://learn.example.org' });
            const report = join(work.path, 'progress.upload.csv');
            writeFileSync(report, ',"Email address","Weeding Well: Quiz",""\n' +
                '"Ada Lovelace","director@example.org","Completed","2026-05-08 09:00:00"\n');
            await page.locator('input[type="file"]').setInputFiles(report);
            await page.getByRole('button', { name: 'Import the report' }).click();
            await page.waitForLoadState();
            assert.match(new URL(page.url()).pathname, /^\/harvest\/imports\/\d+$/);
            assert.match(await page.locator('main').textContent(), /The report is imported/);
            await checkAccessible(page, 'an import uploaded in the browser');

            await page.goto(`${base}/harvest/inbox`);
            const email = page.getByLabel('E-mail address of the person account 77 is');
            await email.fill('nobody@example.net');
            await email.locator('xpath=ancestor::form').getByRole('button', { name: 'Link the account' })
                .click();
            await page.waitForLoadState();
            await checkAccessible(page, 'a refused link in the inbox');
            await page.screenshot({ path: join(screenshots, 'pages-harvest-inbox-refused-desktop.png'),
                fullPage: true });
            await page.getByLabel('E-mail address of the person account 77 is').fill('ready@example.org');
            await page.getByLabel('E-mail address of the person account 77 is')
                .locator('xpath=ancestor::form').getByRole('button', { name: 'Link the account' }).click();
            await page.waitForLoadState();
            assert.match(await page.locator('main').textContent(), /The account is linked/);
            assert.deepEqual(context.problems, [], 'no console errors or failed resources');
        } finally {
            await context.close();
        }
    });

test("the director's pages", { timeout: 180000 }, async () => {
    await sweep('director@example.org', [
        ['claims to verify', '/verify'],
        ['plans to sign', '/plans'],
        ['your library', '/library'],
        ['your staff', '/staff'],
        ['add a person to the library', '/people/new'],
        ['find a person of the library', '/people?q=a'],
        ["a staff member's progress", async (page) => {
            await page.goto(`${base}/staff`);
            return firstLink(page, '/people/');
        }],
        ['enrol a staff member', async (page) => {
            await page.goto(`${base}/staff`);
            return `${await firstLink(page, '/people/')}/tracks/new`;
        }],
    ]);
});

test("a learner's pages, and the pages a learner may not open", { timeout: 180000 }, async () => {
    await sweep('staff@example.org', [
        ['dashboard', '/'],
        ['plan', '/plan'],
        ['claim an activity', '/activities/new'],
        ['final report', '/report'],
        ['your profile, as a learner', '/profile'],
        ['event catalog, as a learner', '/catalog'],
        ['not allowed', '/catalog/new', 403],
        ['harvest, not allowed', '/harvest', 403],
        ['not found', '/no-such-page', 404],
    ]);
});

test('a learner chooses a second track beside the Strategic Track', { timeout: 180000 }, async () => {
    for (const viewport of [DESKTOP, PHONE]) {
        const size = viewport === DESKTOP ? 'desktop' : 'phone';
        const context = await newContext(browser, { viewport });
        try {
            const page = await context.newPage();
            await signIn(page, base, 'staff@example.org', PASSWORD);
            await page.goto(`${base}/tracks/new`);
            const main = await page.locator('main').textContent();
            assert.match(main, /Strategic Track to MSL Certification/);
            assert.match(main, /Before you choose it/);
            assert.match(main, /Does your library have a current strategic plan/);
            assert.match(main, /Already on this track/);
            await checkAccessible(page, `choose a track at ${viewport.width} px`);
            assert.equal(await horizontalOverflow(page), 0, 'the choices do not scroll sideways');
            await page.screenshot({ path: join(screenshots, `pages-choose-a-track-${size}.png`),
                fullPage: true });
            if (viewport === DESKTOP) {
                await page.getByRole('button', { name: 'Choose MSL Certification for Library Staff' })
                    .click();
                await page.waitForLoadState();
                assert.match(await page.locator('main').textContent(), /The track is started/);
            } else {
                await page.goto(`${base}/`);
            }
            assert.match(await page.locator('main').textContent(), /Your open tracks/);
            await page.getByText('Withdraw this track').click();
            await checkAccessible(page, `the dashboard with two open tracks at ${viewport.width} px`);
            // The opened withdraw form fits a phone too: Chromium's ::details-content box
            // once made its full-width button content-box, 32 px too wide (app.css).
            assert.equal(await horizontalOverflow(page), 0,
                `the dashboard with two open tracks does not scroll sideways at ${viewport.width} px`);
            await page.screenshot({ path: join(screenshots, `pages-two-open-tracks-${size}.png`),
                fullPage: true });
            assert.deepEqual(context.problems, [], 'no console errors or failed resources');
        } finally {
            await context.close();
        }
    }
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
        check = await firstLink(page, '/verify/');
    } finally {
        await context.close();
    }
    await sweep(null, [
        ['sign in', '/login'],
        ['forgot your password', '/password-reset'],
        ['certificate check', check],
        ['certificate check form', '/check-certificate'],
    ]);
});

// The library forms, at both widths, with axe on each: the coordinator adds a library
// (refused once), sets its plan's period, adds a goal, retires it and closes the
// library after the confirmation step; the director adds a goal to their own plan
// (refused once).
test('the coordinator keeps a library and its plan; the director keeps their own plan',
    { timeout: 180000 }, async () => {
        for (const viewport of [DESKTOP, PHONE]) {
            const size = viewport === DESKTOP ? 'desktop' : 'phone';
            const context = await newContext(browser, { viewport });
            const checked = async (page, name) => {
                await checkAccessible(page, `${name} (${size})`);
                assert.equal(await horizontalOverflow(page), 0, `${name} does not scroll sideways (${size})`);
                await page.screenshot({ path: join(screenshots,
                    `pages-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${size}.png`), fullPage: true });
            };
            const main = (page) => page.getByRole('main').textContent();
            try {
                const page = await context.newPage();
                await signIn(page, base, 'coordinator@example.org', PASSWORD);
                await page.goto(`${base}/libraries`);
                await page.getByRole('link', { name: 'Add a library' }).click();
                await page.waitForLoadState();
                await page.locator('main form').evaluate((form) => { form.noValidate = true; });
                await page.getByRole('button', { name: 'Add the library' }).click();
                await page.waitForLoadState();
                await checked(page, 'a refused library');
                await page.getByLabel(/^Name/).fill(`Pine Hills Library ${size}`);
                await page.getByLabel('City').fill('Libby');
                await page.getByLabel('Kind').selectOption('school');
                await page.getByLabel('External id').fill(`MT-${size}`);
                await page.getByLabel('Consultants').fill('consultant@example.org');
                await page.getByRole('button', { name: 'Add the library' }).click();
                await page.waitForLoadState();
                assert.match(await main(page), /The library is added/);
                await page.getByLabel('Title').fill('Strategic Plan 2026-2030');
                await page.getByLabel('Starts').fill('2026-01-01');
                await page.getByLabel('Ends').fill('2030-12-31');
                await page.getByRole('button', { name: "Save the plan's period" }).click();
                await page.waitForLoadState();
                assert.match(await main(page), /title and period are saved/);
                await page.getByLabel('Code').fill('G1');
                await page.getByLabel(/^Goal/).fill('Early literacy');
                await page.getByRole('button', { name: 'Add the goal' }).click();
                await page.waitForLoadState();
                await checked(page, 'a new library with its plan');
                await page.getByRole('link', { name: 'Edit goal G1' }).click();
                await page.waitForLoadState();
                await page.getByRole('button', { name: 'Retire the goal' }).click();
                await page.waitForLoadState();
                assert.match(await main(page), /Retired on 2026-06-15/);
                await page.getByRole('link', { name: 'Close this library' }).click();
                await page.waitForLoadState();
                await page.getByRole('button', { name: 'Close the library' }).click();
                await page.waitForLoadState();
                assert.match(await main(page), /The library is closed/);
                await checked(page, 'a closed library');

                await context.clearCookies();
                await signIn(page, base, 'director@example.org', PASSWORD);
                await page.goto(`${base}/library`);
                await page.getByLabel('Code').fill(`D-${size}`);
                await page.locator('main form').last().evaluate((form) => { form.noValidate = true; });
                await page.getByRole('button', { name: 'Add the goal' }).click();
                await page.waitForLoadState();
                await checked(page, 'a refused goal');
                await page.getByLabel(/^Goal/).fill('Community spaces');
                await page.getByRole('button', { name: 'Save the goal' }).click();
                await page.waitForLoadState();
                assert.match(await main(page), /The goal is added/);
                assert.deepEqual(context.problems, [], 'no console errors or failed resources');
            } finally {
                await context.close();
            }
        }
    });

