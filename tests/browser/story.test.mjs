// The sign-in story in a real browser (Debian's chromium, driven by playwright-core):
// the login page and the dashboard pass axe-core's WCAG 2.1 A/AA rules, a learner signs
// in and out with the keyboard only, a wrong password is announced as an alert, and
// screenshots at a desktop and a phone size are saved for a person to look at.
//
// Run by Meson (suite "browser"), which passes:
//   CERTTRACK_EXE          the built certtrack binary
//   CERTTRACK_SOURCE_ROOT  the source root (programs/, node_modules/)
//   CERTTRACK_SCREENSHOTS  where the screenshots go (in the build directory)
// The Node packages come from scripts/install-node-deps (run by `make test`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
    PASSWORD, Server, VIEWPORTS, assertAccessible, at, demoDatabase, ensureScreenshotDirectory,
    horizontalOverflow, launchBrowser, newContext, screenshots, signIn, signInWithKeyboard, tabUntil,
    workDirectory, tearDown,
} from './support.mjs';

const TODAY = '2026-06-15';

// The temporary directory holds the database and the server's log.
const work = workDirectory();
let server = null;
let browser = null;
let base = '';

let context;
let page;

before(async () => {
    ensureScreenshotDirectory();
    server = new Server(work.path, await demoDatabase(work.path, TODAY));
    await server.start(TODAY);
    base = server.base;
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
}, { timeout: 60000 });

after(() => tearDown(browser, server, work), { timeout: 30000 });

test('the login page has no WCAG 2.1 A/AA violations', { timeout: 30000 }, async () => {
    await page.goto(`${base}/login`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign in');
    await assertAccessible(context, at(base, '/login'), 'the login page (/login)');
});

test('staff@ signs in with the keyboard only and sees the dashboard', { timeout: 30000 }, async () => {
    await page.goto(`${base}/login`);
    await signInWithKeyboard(page, base, 'staff@example.org', PASSWORD);
    assert.equal(await page.getByRole('main').getByRole('heading', { level: 1 }).textContent(), 'Your progress');
    assert.match(await page.getByRole('main').innerText(), /Strategic Track/);
    await assertAccessible(context, at(base, '/'), 'the dashboard (/)');
});

test('a wrong password shows the error as an alert', { timeout: 30000 }, async () => {
    const other = await newContext(browser);
    try {
        const wrong = await other.newPage();
        await signIn(wrong, base, 'staff@example.org', 'not-the-password-7');
        const alert = wrong.getByRole('alert');
        await alert.waitFor();
        assert.match(await alert.innerText(), /The e-mail address or the password is not right\./);
        assert.equal(await wrong.getByLabel('E-mail address').inputValue(), 'staff@example.org',
            'the e-mail address typed is kept');
        assert.equal(await wrong.getByLabel('Password').inputValue(), '',
            'the password is not sent back');
        await assertAccessible(other, async (audited) => {
                await signIn(audited, base, 'staff@example.org', 'not-the-password-7');
                await audited.getByRole('alert').waitFor();
            }, 'the login page with the wrong-password alert');
        assert.deepEqual(other.problems, [], 'no console errors or failed page resources');
    } finally {
        await other.close();
    }
});

test('signs out with the keyboard and lands on the sign-in page', { timeout: 30000 }, async () => {
    await page.goto(`${base}/`);
    await page.locator('body').focus();
    await tabUntil(page, { button: 'Sign out' }, 'the Sign out button');
    await Promise.all([page.waitForURL(`${base}/login`), page.keyboard.press('Enter')]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign in');
    await page.goto(`${base}/`);
    assert.equal(page.url(), `${base}/login`, 'the session is gone: / sends to /login');
    assert.deepEqual(context.problems, [],
        'no console errors (a CSP violation, a script error) or failed page resources in the story');
});

for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`screenshots of the login page and the dashboard at ${size}`, { timeout: 30000 }, async () => {
        const shots = await newContext(browser, { viewport });
        try {
            const shot = await shots.newPage();
            await shot.goto(`${base}/login`);
            await shot.screenshot({ path: join(screenshots, `login-${size}.png`), fullPage: true });
            await signIn(shot, base, 'staff@example.org', PASSWORD);
            assert.equal(shot.url(), `${base}/`);
            await shot.screenshot({ path: join(screenshots, `dashboard-${size}.png`), fullPage: true });
            const overflow = await horizontalOverflow(shot);
            console.log(`dashboard at ${size}: ${overflow > 0 ? overflow + 'px of horizontal scrolling' : 'no horizontal scrolling'}`);
            assert.deepEqual(shots.problems, [], 'no console errors or failed page resources');
        } finally {
            await shots.close();
        }
    });
}
