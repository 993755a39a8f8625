// What the browser tests share: the built certtrack on a demo database (started, stopped
// and started again with another CERTTRACK_TODAY), Debian's chromium driven by
// playwright-core, contexts that collect what would be a defect in a page, axe-core's
// WCAG 2.1 A/AA checks, and moving through a page with the keyboard alone.
//
// Meson (suite "browser") passes:
//   CERTTRACK_EXE          the built certtrack binary
//   CERTTRACK_SOURCE_ROOT  the source root (programs/, node_modules/)
//   CERTTRACK_SCREENSHOTS  where the screenshots go (in the build directory)
// The Node packages come from scripts/install-node-deps (run by `make test`).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

export const exe = process.env.CERTTRACK_EXE;
export const root = process.env.CERTTRACK_SOURCE_ROOT;
export const screenshots = process.env.CERTTRACK_SCREENSHOTS;
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
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export const PASSWORD = 'demo-password-1';
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const VIEWPORTS = [DESKTOP, PHONE];
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

const servers = new Set();
const workDirectories = new Set();

// Last resort when the runner is interrupted: never leave a server or the files behind.
process.on('exit', () => {
    for (const server of servers) {
        server.kill();
    }
    for (const directory of workDirectories) {
        rmSync(directory, { recursive: true, force: true });
    }
});

// A temporary directory for a database, the server's log and chromium's profile;
// removed by remove() or when the process ends.
export function workDirectory() {
    const directory = mkdtempSync(join(tmpdir(), 'certtrack-browser-'));
    workDirectories.add(directory);
    return {
        path: directory,
        remove() {
            rmSync(directory, { recursive: true, force: true });
            workDirectories.delete(directory);
        },
    };
}

function run(command, args, env) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
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

// Makes the demonstration set in directory/demo.db as of today; returns its path.
export async function demoDatabase(directory, today) {
    const db = join(directory, 'demo.db');
    await run(exe, ['demo-data', '--db', db, '--programs', join(root, 'programs')],
        { ...process.env, CERTTRACK_TODAY: today });
    return db;
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

// `certtrack serve` on a database and a free loopback port. start(today) runs it with
// CERTTRACK_TODAY=today; the port stays the same from one start to the next, so the
// browser's cookies still apply after the clock moves.
export class Server {
    constructor(directory, db) {
        this.directory = directory;
        this.db = db;
        this.child = null;
        this.exited = null;
        this.base = '';
        this.today = '';
        this.starts = 0;
    }

    log() {
        try {
            return readFileSync(join(this.directory, 'server.log'), 'utf8');
        } catch {
            return '(no server log)';
        }
    }

    async start(today) {
        assert.equal(this.child, null, 'the server is already running');
        if (this.base === '') {
            this.base = `http://127.0.0.1:${await freePort()}`;
        }
        this.today = today;
        const log = openSync(join(this.directory, 'server.log'), this.starts === 0 ? 'w' : 'a');
        this.starts++;
        this.child = spawn(exe, ['serve', '--db', this.db, '--programs', join(root, 'programs'),
            '--listen', this.base.replace('http://', '')], {
            env: { ...process.env, CERTTRACK_TODAY: today },
            stdio: ['ignore', log, log],
        });
        closeSync(log);
        servers.add(this.child);
        this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) =>
            resolve({ code, signal })));
        await this.waitForHealth();
    }

    async waitForHealth() {
        const deadline = Date.now() + 15000;
        while (Date.now() < deadline) {
            if (this.child.exitCode !== null || this.child.signalCode !== null) {
                throw new Error(`certtrack serve stopped before it answered:\n${this.log()}`);
            }
            try {
                const answer = await fetch(`${this.base}/healthz`);
                if (answer.ok && (await answer.text()) === 'ok') {
                    return;
                }
            } catch {
                // not listening yet
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`certtrack serve did not answer /healthz in 15 s:\n${this.log()}`);
    }

    // Stops the server with SIGTERM and checks it stopped cleanly (exit status 0, which
    // under the sanitizers also means no leak or error report).
    async stop() {
        if (this.child === null) {
            return;
        }
        const child = this.child;
        this.child = null;
        let result = { code: child.exitCode, signal: child.signalCode };
        if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const stopped = await Promise.race([
                this.exited.then(() => true),
                new Promise((resolve) => setTimeout(() => resolve(false), 10000)),
            ]);
            if (!stopped) {
                child.kill('SIGKILL');
            }
            result = await this.exited;
        }
        servers.delete(child);
        assert.equal(result.code, 0, `certtrack serve did not stop cleanly ` +
            `(${JSON.stringify(result)}):\n${this.log().slice(-4000)}`);
    }

    // Moves the clock: the same database, served again as of today.
    async restart(today) {
        await this.stop();
        await this.start(today);
    }
}

export function launchBrowser() {
    return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

const notes = new Set();
export function noteOnce(note) {
    if (!notes.has(note)) {
        notes.add(note);
        console.log(`note: ${note}`);
    }
}

// A context that collects what would be a defect in the page: console errors (a CSP
// violation, a script error) and subresources (style sheets, images) that fail to load.
// The document's own status shows up in the console too ("Failed to load resource" for
// a 400 that explains a refused form), so those messages are judged by the responses
// instead. The favicon, which Chromium asks for by itself, is noted but not counted.
export async function newContext(browser, options = {}) {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', ...options });
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
        const error = request.failure()?.errorText;
        // The browser drops the icon's request when the page it was for is left at once
        // (a quick click); that is the browser's choice, not a missing file.
        if (error === 'net::ERR_ABORTED' && request.url().endsWith('/assets/favicon.svg')) {
            return;
        }
        context.problems.push(`${request.resourceType()} ${request.url()}: ${error}`);
    });
    return context;
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

// Runs axe-core's WCAG 2.1 A/AA rules on the page as it is now (a confirmation or an
// error after a form included) and fails on any violation. axe is evaluated through the
// DevTools protocol, which the page's Content-Security-Policy does not govern, so the
// page keeps its policy; nothing on the page changes but window.axe.
export async function checkAccessible(page, name) {
    await page.evaluate(axeSource);
    const result = await page.evaluate((tags) => window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
    }), WCAG_TAGS);
    assert.ok(result.passes.length > 0, `${name}: axe checked nothing`);
    const path = new URL(page.url()).pathname;
    console.log(`axe on ${name}${name.includes(path) ? '' : ` (${path})`}: ` +
        `${result.passes.length} rules pass, ` +
        `${result.violations.length} violated, ${result.incomplete.length} for a person to check` +
        result.incomplete.map((item) => ` (${item.id}: ${item.nodes.map((node) =>
            node.target.join(' ')).join(', ')})`).join(''));
    if (result.violations.length > 0) {
        const text = describeViolations(name, result.violations);
        console.log(`axe violations on ${name}:\n${text}`);
        assert.fail(`axe found ${result.violations.length} WCAG 2.1 A/AA violation(s) ` +
            `on ${name}:\n${text}`);
    }
    return result;
}

// Runs axe-core on the page that `open(page)` shows, in a fresh page with the cookies
// of `context`.
export async function assertAccessible(context, open, name) {
    const audit = await newContext(context.browser(), { storageState: await context.storageState() });
    try {
        const page = await audit.newPage();
        await open(page);
        await checkAccessible(page, name);
    } finally {
        await audit.close();
    }
}

// Opens base + path and checks the page did not go elsewhere (a redirect to /login).
export const at = (base, path) => async (page) => {
    const answer = await page.goto(`${base}${path}`);
    assert.equal(new URL(page.url()).pathname, path,
        `the audit of ${path} landed on ${page.url()} (status ${answer.status()})`);
};

function describeFocus(page) {
    return page.evaluate(() => {
        const element = document.activeElement;
        if (element === null || element === document.body) {
            return 'the page';
        }
        const text = (element.textContent || element.value || '').trim().replace(/\s+/g, ' ');
        return `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}` +
            ` "${text.slice(0, 30)}"`;
    });
}

// Presses Tab until the focused element is `target`: { id } for a field, { button } for
// a button by its text.
export async function tabUntil(page, target, what) {
    const seen = [];
    for (let presses = 0; presses < 25; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(({ id, button }) => {
            const element = document.activeElement;
            const text = element ? (element.textContent || '').trim() : '';
            return element !== null && (id !== undefined ? element.id === id
                : element.tagName === 'BUTTON' && text === button);
        }, target);
        if (focused) {
            return;
        }
        seen.push(await describeFocus(page));
    }
    assert.fail(`Tab never reached ${what}; the focus went through: ${seen.join(', ')}`);
}

// Presses Tab (Shift+Tab with { backwards: true }) until the element of `locator` has
// the focus; fails, naming where the focus went, after `limit` presses.
export async function tabTo(page, locator, { backwards = false, limit = 120 } = {}) {
    const target = await locator.elementHandle();
    try {
        const seen = [];
        for (let presses = 0; presses < limit; presses++) {
            if (await target.evaluate((element) => element === document.activeElement)) {
                return presses;
            }
            await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
            if (seen.length < 40) {
                seen.push(await describeFocus(page));
            }
        }
        assert.fail(`${backwards ? 'Shift+Tab' : 'Tab'} never reached ${locator}; the focus went ` +
            `through: ${seen.join(', ')}`);
    } finally {
        await target.dispose();
    }
    return limit;
}

export async function signInWithKeyboard(page, base, email, password) {
    await tabUntil(page, { id: 'email' }, 'the e-mail field');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'password',
        'Tab from the e-mail field goes to the password field');
    await page.keyboard.type(password);
    await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press('Enter')]);
}

export async function signIn(page, base, email, password) {
    await page.goto(`${base}/login`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click(); // waits for the navigation
    await page.waitForLoadState();
}

// How many pixels the page scrolls sideways (0 when it fits the viewport).
export function horizontalOverflow(page) {
    return page.evaluate(() =>
        document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export function ensureScreenshotDirectory() {
    mkdirSync(screenshots, { recursive: true });
}

// axe, no sideways scrolling and a full-page screenshot of the page as it is now, named
// PREFIX-NAME-SIZE.png (the name in lower case, words joined by '-').
export async function checkPage(page, prefix, name, size) {
    await checkAccessible(page, `${name} (${size})`);
    const overflow = await horizontalOverflow(page);
    if (overflow !== 0) {
        throw new Error(`${name} scrolls sideways by ${overflow} px (${size})`);
    }
    await page.screenshot({ path: join(screenshots,
        `${prefix}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${size}.png`), fullPage: true });
}

// Closes the browser (when one was launched), stops the server and removes the work
// directory, each even when the one before failed: a test file's after().
export async function tearDown(browser, server, work) {
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
}

// checkPage at 1280 and at 390 pixels, then back at 1280: the desktop first, or with
// { phoneFirst: true } the phone first (ending at 1280 without a third resize).
export async function checkBothSizes(page, prefix, name, { phoneFirst = false } = {}) {
    const sizes = [['desktop', DESKTOP], ['phone', PHONE]];
    for (const [size, viewport] of phoneFirst ? sizes.reverse() : sizes) {
        await page.setViewportSize(viewport);
        await checkPage(page, prefix, name, size);
    }
    if (!phoneFirst) {
        await page.setViewportSize(DESKTOP);
    }
}

// What most test files share, set up in their before() and taken down in their after():
// a demo database as of today (then given to prepare(db), when there is one), certtrack
// serving it, and chromium. Call it at the top of the file; the site it returns has its
// db, server, base and browser once before() has run. before() may take timeout ms.
export function demoSite(today, { prepare = null, timeout = 60000 } = {}) {
    const site = {
        work: workDirectory(),
        db: '',
        server: null,
        base: '',
        browser: null,
        // What sqlite3 prints for query on the database, trimmed.
        sql: (query) => execFileSync('sqlite3', [site.db, query], { encoding: 'utf8' }).trim(),
        // A new context and page signed in as email (with the demo password).
        async signedIn(email) {
            const context = await newContext(site.browser);
            const page = await context.newPage();
            await signIn(page, site.base, email, PASSWORD);
            return { context, page };
        },
    };
    before(async () => {
        ensureScreenshotDirectory();
        site.db = await demoDatabase(site.work.path, today);
        if (prepare !== null) {
            await prepare(site.db);
        }
        site.server = new Server(site.work.path, site.db);
        await site.server.start(today);
        site.base = site.server.base;
        site.browser = await launchBrowser();
    }, { timeout });
    after(() => tearDown(site.browser, site.server, site.work), { timeout: 30000 });
    return site;
}
