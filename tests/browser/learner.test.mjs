// The learner's and the coordinator's pages of issue 16, in Chromium, with the keyboard
// and the mouse, axe at 1280 and 390 pixels:
// - the idle sign-out warning (WCAG 2.1 SC 2.2.1): with a short idle time
//   (CERTTRACK_SESSION_IDLE_SECONDS=130, so the warning, 120 seconds before the end,
//   comes 10 seconds after a page arrives) the dialog opens, takes the focus, "Stay
//   signed in" (Enter) closes it and the session goes on; the second time, the mouse
//   on "Sign out" signs out;
// - the category progress and the category column of a director's dashboard;
// - a trustee sees neither "Your plan" nor "Final report", and /plan typed still answers;
// - the congratulation after an award, with the certificate's links and the next track;
// - the revoke's confirmation page: the way back first, then the revoke.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
    DESKTOP, PASSWORD, PHONE, Server, checkPage, demoDatabase, ensureScreenshotDirectory, exe,
    launchBrowser, newContext, root, signIn, tearDown, workDirectory,
} from './support.mjs';

const TODAY = '2026-06-15';
const IDLE_SECONDS = 130;

const work = workDirectory();
let db = '';
let server = null;
let idleServer = null; // the same database, sessions ending after IDLE_SECONDS
let browser = null;
let base = '';
let idleBase = '';

function certtrack(...args) {
    return execFileSync(exe, [...args, '--db', db, '--programs', join(root, 'programs')],
        { env: { ...process.env, CERTTRACK_TODAY: TODAY }, encoding: 'utf8' });
}

function sql(query) {
    return execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
}

before(async () => {
    db = await demoDatabase(work.path, TODAY);
    server = new Server(work.path, db);
    await server.start(TODAY);
    base = server.base;
    process.env.CERTTRACK_SESSION_IDLE_SECONDS = String(IDLE_SECONDS);
    try {
        const directory = join(work.path, 'idle');
        mkdirSync(directory);
        idleServer = new Server(directory, db);
        await idleServer.start(TODAY);
        idleBase = idleServer.base;
    } finally {
        delete process.env.CERTTRACK_SESSION_IDLE_SECONDS;
    }
    browser = await launchBrowser();
    ensureScreenshotDirectory();
});

after(async () => {
    try {
        await idleServer?.stop();
    } finally {
        await tearDown(browser, server, work);
    }
});

// Signs in as email in a new context (on the server at address, by default the one with
// the usual idle time); returns { context, page }.
async function signedIn(email, viewport = DESKTOP, address = base) {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    await signIn(page, address, email, PASSWORD);
    return { context, page };
}

test('the idle warning opens before the sign-out, takes the focus, and keeps or ends the session', async () => {
    const { context, page } = await signedIn('staff@example.org', DESKTOP, idleBase);
    const left = Number(await page.locator('body').getAttribute('data-session-seconds-left'));
    assert.ok(left > IDLE_SECONDS - 60 && left <= IDLE_SECONDS, `seconds left: ${left}`);
    assert.equal(await page.locator('body').getAttribute('data-session-warn-lead'), '120');
    await page.getByText(`You will be signed out after ${IDLE_SECONDS} seconds without activity.`)
        .waitFor();
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    assert.equal(await dialog.isVisible(), false, 'no warning when the page arrives');
    await dialog.waitFor({ state: 'visible', timeout: 20000 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'session-warning',
        'the focus moves to the warning');
    await checkPage(page, 'learner', 'idle warning', 'desktop');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'session-stay');
    const stayed = page.waitForResponse((response) => response.url().endsWith('/session/stay'));
    await page.keyboard.press('Enter');
    const answer = await (await stayed).json();
    assert.ok(answer.seconds_left > IDLE_SECONDS - 5, `after staying: ${answer.seconds_left}`);
    await dialog.waitFor({ state: 'hidden' });
    // Still signed in: the dashboard opens.
    await page.goto(`${idleBase}/`);
    assert.equal(new URL(page.url()).pathname, '/');
    await page.setViewportSize(PHONE);
    await dialog.waitFor({ state: 'visible', timeout: 20000 });
    await checkPage(page, 'learner', 'idle warning', 'phone');
    await Promise.all([
        page.waitForURL(`${idleBase}/login`),
        dialog.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    await page.goto(`${idleBase}/`);
    assert.equal(new URL(page.url()).pathname, '/login', 'signed out');
    assert.deepEqual(context.problems, []);
    await context.close();
});

test('a director sees the credits of each category and each activity\'s category', async () => {
    for (const [viewport, size] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
        const { context, page } = await signedIn('director@example.org', viewport);
        const section = page.locator('ul.category-progress');
        assert.match(await section.innerText(),
            /Library Administration: [0-9.]+ credits? counted of the 30 needed/);
        // On a phone the table stacks: each cell carries its column's name instead.
        await page.locator('th[scope="col"]', { hasText: 'Category' }).waitFor({ state: 'attached' });
        assert.ok(await page.locator('td[data-label="Category"]').count() > 0);
        assert.equal(await page.getByRole('link', { name: 'Your plan' }).count(), 0);
        await checkPage(page, 'learner', 'category progress', size);
        assert.deepEqual(context.problems, []);
        await context.close();
    }
});

test('a trustee sees no plan or final report, and the typed addresses still answer', async () => {
    const { context, page } = await signedIn('trustee@example.org');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('link', { name: 'Claim an activity' }).waitFor({ state: 'attached' });
    assert.equal(await navigation.getByRole('link', { name: 'Your plan' }).count(), 0);
    assert.equal(await navigation.getByRole('link', { name: 'Final report' }).count(), 0);
    for (const path of ['/plan', '/report']) {
        const response = await page.goto(`${base}${path}`);
        assert.ok(response.status() < 500, `${path}: ${response.status()}`);
    }
    await page.goto(`${base}/`);
    await checkPage(page, 'learner', 'trustee dashboard', 'desktop');
    await page.setViewportSize(PHONE);
    await checkPage(page, 'learner', 'trustee dashboard', 'phone');
    assert.deepEqual(context.problems, []);
    await context.close();
});

test('after an award the dashboard congratulates, with the certificate\'s links and the next track', async () => {
    const award = certtrack('award', '--person', 'ready@example.org');
    const number = award.match(/^Certificate (\S+) issued/m)[1];
    const code = sql(`SELECT verification_code FROM certificates WHERE number = '${number}'`);
    const { context, page } = await signedIn('ready@example.org');
    const box = page.getByRole('region', { name: 'Congratulations!' });
    assert.match(await box.innerText(), new RegExp(`certificate \\(number ${number}\\)`));
    assert.equal(await box.getByRole('link', { name: 'Its public check' }).getAttribute('href'),
        `/verify/${code}`);
    await box.getByRole('link', { name: 'Certificate (PDF)' }).waitFor();
    await box.getByRole('link', { name: 'Open Badges credential' }).waitFor();
    assert.match(await box.innerText(), /Your next track, .+, has begun|start its track|Choose your next track/);
    await checkPage(page, 'learner', 'congratulation', 'desktop');
    await page.setViewportSize(PHONE);
    await checkPage(page, 'learner', 'congratulation', 'phone');
    // The mouse on the public check.
    await Promise.all([page.waitForURL(`${base}/verify/${code}`),
        box.getByRole('link', { name: 'Its public check' }).click()]);
    assert.deepEqual(context.problems, []);
    await context.close();
});

test('a revoke asks first, the way back first, and acts only when confirmed', async () => {
    const id = sql('SELECT id FROM certificates WHERE revoked IS NULL ORDER BY id LIMIT 1');
    const { context, page } = await signedIn('coordinator@example.org');
    await page.goto(`${base}/certificates/${id}`);
    await page.getByLabel('Reason').fill('Counted twice');
    await page.getByRole('button', { name: 'Revoke the certificate' }).click();
    await page.waitForLoadState();
    await page.getByRole('heading', { level: 1, name: /^Revoke certificate .+\?$/ }).waitFor();
    await page.getByText('will be told it was revoked, and why').waitFor();
    await checkPage(page, 'coordinator', 'revoke confirmation', 'desktop');
    await page.setViewportSize(PHONE);
    await checkPage(page, 'coordinator', 'revoke confirmation', 'phone');
    await page.setViewportSize(DESKTOP);
    // The way back comes first, and keeps the certificate.
    const actions = page.locator('main .actions > *');
    assert.equal(await actions.first().innerText(), 'Keep the certificate');
    await page.getByRole('link', { name: 'Keep the certificate' }).click();
    await page.waitForURL(`${base}/certificates/${id}`);
    assert.equal(sql(`SELECT revoked IS NULL FROM certificates WHERE id = ${id}`), '1');
    // Again, then confirmed with the keyboard.
    await page.getByLabel('Reason').fill('Counted twice');
    await page.getByRole('button', { name: 'Revoke the certificate' }).click();
    await page.waitForLoadState();
    await page.getByRole('button', { name: 'Revoke the certificate' }).focus();
    await Promise.all([page.waitForURL(`${base}/certificates/${id}?revoked=1`),
        page.keyboard.press('Enter')]);
    await page.getByText('The certificate is revoked.').waitFor();
    assert.equal(sql(`SELECT revoked_reason FROM certificates WHERE id = ${id}`), 'Counted twice');
    assert.deepEqual(context.problems, []);
    await context.close();
});
