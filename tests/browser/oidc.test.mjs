// Signing in through a real OpenID Connect provider in a real browser: Debian's
// glewlwyd (tests/e2e/glewlwyd_provider.py starts it on a free loopback port and
// configures it), certtrack's oidc-* settings pointing at it. A learner presses
// "Sign in with ..." on certtrack's sign-in page, fills in glewlwyd's own login form,
// grants certtrack the scopes on glewlwyd's page and lands on certtrack's dashboard; an
// address glewlwyd has not verified gets certtrack's refusal page. axe-core checks
// certtrack's pages (the sign-in page with the button, the refusal) at 1280 and 390
// pixels. Skips, saying why, when glewlwyd is not installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { configureOidc, signInAtProvider, startProvider } from './oidc-provider.mjs';
import {
    Server, VIEWPORTS, checkAccessible, demoDatabase, launchBrowser, newContext, workDirectory,
} from './support.mjs';

const TODAY = '2026-06-15';
const LABEL = 'Montana Login';

const work = workDirectory();
let server = null;
let browser = null;
let described = null; // what glewlwyd_provider.py printed: issuer, client, users; or { skip }

before(async () => {
    const db = await demoDatabase(work.path, TODAY);
    server = new Server(work.path, db);
    await server.start(TODAY);
    described = await startProvider(work.path, `${server.base}/login/oidc/callback`);
    if (described.skip) {
        return;
    }
    configureOidc(db, server.base, work.path, described, LABEL);
    browser = await launchBrowser();
}, { timeout: 120000 });

after(async () => {
    try {
        await browser?.close();
    } finally {
        try {
            await described?.stop?.();
            await server?.stop();
        } finally {
            work.remove();
        }
    }
}, { timeout: 60000 });

function skipReason() {
    return described?.skip ? described.skip : false;
}

// Checks the page as it is now at each width, desktop then phone.
async function accessibleAtEveryWidth(page, name) {
    for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await checkAccessible(page, `${name} at ${viewport.width} px`);
    }
}

test('the sign-in page offers the provider and passes axe at 1280 and 390 px',
    { timeout: 60000 }, async (t) => {
        if (skipReason()) {
            t.skip(skipReason());
            return;
        }
        const context = await newContext(browser);
        try {
            const page = await context.newPage();
            await page.goto(`${server.base}/login`);
            await page.getByRole('link', { name: `Sign in with ${LABEL}` }).waitFor();
            await accessibleAtEveryWidth(page, 'the sign-in page with the provider (/login)');
            assert.deepEqual(context.problems, []);
        } finally {
            await context.close();
        }
    });

test('a learner signs in on glewlwyd\'s own page and lands on the dashboard',
    { timeout: 90000 }, async (t) => {
        if (skipReason()) {
            t.skip(skipReason());
            return;
        }
        const context = await newContext(browser);
        try {
            const page = await context.newPage();
            await signInAtProvider(page, server.base, LABEL, described.users.staff);
            await page.waitForURL(`${server.base}/`);
            const main = page.getByRole('main');
            assert.equal(await main.getByRole('heading', { level: 1 }).textContent(), 'Your progress');
            assert.match(await main.innerText(), /Strategic Track/);
        } finally {
            await context.close();
        }
    });

test('an address glewlwyd has not verified gets certtrack\'s refusal, which passes axe',
    { timeout: 90000 }, async (t) => {
        if (skipReason()) {
            t.skip(skipReason());
            return;
        }
        const context = await newContext(browser);
        try {
            const page = await context.newPage();
            await signInAtProvider(page, server.base, LABEL, described.users.unverified);
            assert.equal(new URL(page.url()).pathname, '/login/oidc/callback');
            assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign-in refused');
            assert.match(await page.getByRole('alert').innerText(),
                /has not verified your e-mail address ready@example\.org/);
            await accessibleAtEveryWidth(page, 'the refusal page (/login/oidc/callback)');
            await page.getByRole('link', { name: 'Back to the sign-in page' }).click();
            await page.waitForURL(`${server.base}/login`);
        } finally {
            await context.close();
        }
    });
