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
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const exe = process.env.CERTTRACK_EXE;
const root = process.env.CERTTRACK_SOURCE_ROOT;
const screenshots = process.env.CERTTRACK_SCREENSHOTS;
if (!exe || !root || !screenshots) {
    throw new Error('set CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and CERTTRACK_SCREENSHOTS ' +
        '(meson test --suite browser does)');
}

let chromium;
try {
    ({ chromium } = await import('playwright-core'));
} catch (error) {
    throw new Error(`playwright-core is not installed: run scripts/install-node-deps (${error.message})`);
}
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');

const PASSWORD = 'demo-password-1';
const TODAY = '2026-06-15';
const CHROMIUM_ARGS = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
];

// The temporary directory holds the database, the server's log and chromium's profile.
const work = mkdtempSync(join(tmpdir(), 'certtrack-browser-'));
const serverEnv = { ...process.env, CERTTRACK_TODAY: TODAY };
let server = null;
let serverExit = null;
let browser = null;
let base = '';

function removeWork() {
    rmSync(work, { recursive: true, force: true });
}

// Last resort when the runner is interrupted: never leave the server or the files behind.
process.on('exit', () => {
    if (server !== null && server.exitCode === null && server.signalCode === null) {
        server.kill('SIGKILL');
    }
    removeWork();
});

function run(command, args) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => { output += chunk; });
        child.stderr.on('data', (chunk) => { output += chunk; });
        child.on('error', reject);
        child.on('close', (code) => {
            if (code === 0) {
                resolve(output);
            } else {
                reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
            }
        });
    });
}

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.on('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

function serverLog() {
    try {
        return readFileSync(join(work, 'server.log'), 'utf8');
    } catch {
        return '(no server log)';
    }
}

async function waitForHealth() {
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
        if (server.exitCode !== null || server.signalCode !== null) {
            throw new Error(`certtrack serve stopped before it answered:\n${serverLog()}`);
        }
        try {
            const answer = await fetch(`${base}/healthz`);
            if (answer.ok && (await answer.text()) === 'ok') {
                return;
            }
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`certtrack serve did not answer /healthz in 15 s:\n${serverLog()}`);
}

async function stopServer() {
    if (server === null) {
        return;
    }
    if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGTERM');
        const stopped = await Promise.race([
            serverExit.then(() => true),
            new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
        ]);
        if (!stopped) {
            server.kill('SIGKILL');
            await serverExit;
        }
    }
    server = null;
}

// A context that collects what would be a defect in the page: console errors (a CSP
// violation, a script error) and subresources (style sheets, images) that fail to load.
// The document's own status shows up in the console too ("Failed to load resource" for
// the 401 of a wrong password), so those messages are judged by the responses instead.
// The favicon, which Chromium asks for by itself, is noted but not counted.
async function newContext(options = {}) {
    const context = await browser.newContext({ viewport: VIEWPORTS[0], ...options });
    context.setDefaultTimeout(10000);
    context.problems = [];
    context.on('console', (message) => {
        if (message.type() !== 'error') {
            return;
        }
        if (!message.text().startsWith('Failed to load resource')) {
            context.problems.push(`console: ${message.text()}`);
        } else if (message.location().url.endsWith('/favicon.ico')) {
            noteOnce(`/favicon.ico: ${message.text()} (the site has no icon)`);
        }
    });
    context.on('weberror', (error) => context.problems.push(`page error: ${error.error()}`));
    context.on('response', (response) => {
        const request = response.request();
        if (response.status() < 400 || request.resourceType() === 'document') {
            return;
        }
        context.problems.push(`${request.resourceType()} ${response.url()}: ${response.status()}`);
    });
    context.on('requestfailed', (request) => {
        context.problems.push(`${request.resourceType()} ${request.url()}: ${request.failure()?.errorText}`);
    });
    return context;
}

const notes = new Set();
function noteOnce(note) {
    if (!notes.has(note)) {
        notes.add(note);
        console.log(`note: ${note}`);
    }
}

function describeViolations(page, violations) {
    return violations.map((violation) => {
        const nodes = violation.nodes.map((node) =>
            `    - ${node.target.join(' ')}\n      ${node.html}\n` +
            `      ${(node.failureSummary || '').replace(/\n/g, '\n      ')}`).join('\n');
        return `  [${violation.impact}] ${violation.id} on ${page}: ${violation.help}\n` +
            `    ${violation.helpUrl}\n${nodes}`;
    }).join('\n');
}

// Runs axe-core on the page that `open(page)` shows, with the cookies of `context`. The
// audit context bypasses the Content-Security-Policy (which rightly forbids the inline
// script that addScriptTag adds); the story itself runs with the policy in force.
async function assertAccessible(context, open, name) {
    const audit = await newContext({ bypassCSP: true, storageState: await context.storageState() });
    try {
        const page = await audit.newPage();
        await open(page);
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate((tags) => window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
        }), WCAG_TAGS);
        assert.ok(result.passes.length > 0, `${name}: axe checked nothing`);
        console.log(`axe on ${name}: ${result.passes.length} rules pass, ` +
            `${result.violations.length} violated, ${result.incomplete.length} for a person to check` +
            result.incomplete.map((item) => ` (${item.id}: ${item.nodes.map((node) =>
                node.target.join(' ')).join(', ')})`).join(''));
        if (result.violations.length > 0) {
            const text = describeViolations(name, result.violations);
            console.log(`axe violations on ${name}:\n${text}`);
            assert.fail(`axe found ${result.violations.length} WCAG 2.1 A/AA violation(s) ` +
                `on ${name}:\n${text}`);
        }
    } finally {
        await audit.close();
    }
}

// Opens `path` and checks the page did not go elsewhere (a redirect to /login).
const at = (path) => async (page) => {
    const answer = await page.goto(`${base}${path}`);
    assert.equal(new URL(page.url()).pathname, path,
        `the audit of ${path} landed on ${page.url()} (status ${answer.status()})`);
};

// Presses Tab until the focused element is `target`: { id } for a field, { button } for
// a button by its text.
async function tabUntil(page, target, what) {
    const seen = [];
    for (let presses = 0; presses < 25; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(({ id, button }) => {
            const element = document.activeElement;
            const text = element ? (element.textContent || '').trim() : '';
            return {
                ok: element !== null && (id !== undefined ? element.id === id
                    : element.tagName === 'BUTTON' && text === button),
                label: element ? `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}` +
                    ` "${text.slice(0, 30)}"` : 'nothing',
            };
        }, target);
        if (focused.ok) {
            return;
        }
        seen.push(focused.label);
    }
    assert.fail(`Tab never reached ${what}; the focus went through: ${seen.join(', ')}`);
}

async function signInWithKeyboard(page, email, password) {
    await tabUntil(page, { id: 'email' }, 'the e-mail field');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'password',
        'Tab from the e-mail field goes to the password field');
    await page.keyboard.type(password);
    await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press('Enter')]);
}

async function signIn(page, email, password) {
    await page.goto(`${base}/login`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('button[type="submit"]'); // waits for the navigation it starts
    await page.waitForLoadState();
}

let context;
let page;

before(async () => {
    mkdirSync(screenshots, { recursive: true });
    const db = join(work, 'demo.db');
    const programs = join(root, 'programs');
    await run(exe, ['demo-data', '--db', db, '--programs', programs]);
    base = `http://127.0.0.1:${await freePort()}`;
    const log = openSync(join(work, 'server.log'), 'w');
    server = spawn(exe, ['serve', '--db', db, '--programs', programs,
        '--listen', base.replace('http://', '')], { env: serverEnv, stdio: ['ignore', log, log] });
    closeSync(log);
    serverExit = new Promise((resolve) => server.on('exit', resolve));
    await waitForHealth();
    browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
    });
    context = await newContext();
    page = await context.newPage();
}, { timeout: 60000 });

after(async () => {
    try {
        if (browser !== null) {
            await browser.close();
        }
    } finally {
        await stopServer();
        removeWork();
    }
}, { timeout: 30000 });

test('the login page has no WCAG 2.1 A/AA violations', { timeout: 30000 }, async () => {
    await page.goto(`${base}/login`);
    assert.equal(await page.locator('h1').textContent(), 'Sign in');
    await assertAccessible(context, at('/login'), 'the login page (/login)');
});

test('staff@ signs in with the keyboard only and sees the dashboard', { timeout: 30000 }, async () => {
    await page.goto(`${base}/login`);
    await signInWithKeyboard(page, 'staff@example.org', PASSWORD);
    assert.equal(await page.locator('main h1').textContent(), 'Your progress');
    assert.match(await page.locator('main').innerText(), /Strategic Track/);
    await assertAccessible(context, at('/'), 'the dashboard (/)');
});

test('a wrong password shows the error as an alert', { timeout: 30000 }, async () => {
    const other = await newContext();
    try {
        const wrong = await other.newPage();
        await signIn(wrong, 'staff@example.org', 'not-the-password-7');
        const alert = wrong.getByRole('alert');
        await alert.waitFor();
        assert.match(await alert.innerText(), /The e-mail address or the password is not right\./);
        assert.equal(await wrong.locator('#email').inputValue(), 'staff@example.org',
            'the e-mail address typed is kept');
        assert.equal(await wrong.locator('#password').inputValue(), '',
            'the password is not sent back');
        await assertAccessible(other, async (audited) => {
                await signIn(audited, 'staff@example.org', 'not-the-password-7');
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
    assert.equal(await page.locator('h1').textContent(), 'Sign in');
    await page.goto(`${base}/`);
    assert.equal(page.url(), `${base}/login`, 'the session is gone: / sends to /login');
    assert.deepEqual(context.problems, [],
        'no console errors (a CSP violation, a script error) or failed page resources in the story');
});

for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`screenshots of the login page and the dashboard at ${size}`, { timeout: 30000 }, async () => {
        const shots = await newContext({ viewport });
        try {
            const shot = await shots.newPage();
            await shot.goto(`${base}/login`);
            await shot.screenshot({ path: join(screenshots, `login-${size}.png`), fullPage: true });
            await signIn(shot, 'staff@example.org', PASSWORD);
            assert.equal(shot.url(), `${base}/`);
            await shot.screenshot({ path: join(screenshots, `dashboard-${size}.png`), fullPage: true });
            const overflow = await shot.evaluate(() =>
                document.documentElement.scrollWidth - document.documentElement.clientWidth);
            console.log(`dashboard at ${size}: ${overflow > 0 ? overflow + 'px of horizontal scrolling' : 'no horizontal scrolling'}`);
            assert.deepEqual(shots.problems, [], 'no console errors or failed page resources');
        } finally {
            await shots.close();
        }
    });
}
