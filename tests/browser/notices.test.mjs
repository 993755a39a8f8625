// The pages of the notices, in real Chromium at a desktop and a phone width, with axe-core's
// WCAG 2.1 A/AA rules at both and no sideways scrolling on either: a person's mail
// choices (shown, refused, saved), the one-click unsubscribe page, what it says once done
// and when its address is wrong, and the coordinator's settings with refused mail.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { DESKTOP, PASSWORD, PHONE, checkPage, demoSite, newContext, signIn } from './support.mjs';

const TODAY = '2026-06-15';
// The server's unsubscribe secret, set before it starts, so that the test can make an
// address as the server does (mail/mail_unsubscribe.h).
const SECRET = '5f'.repeat(32);

const site = demoSite(TODAY, { prepare: refusedMail });
const { sql } = site;

function unsubscribeAddress(person, kind) {
    const mac = createHmac('sha256', Buffer.from(SECRET, 'hex')).update(`${person}:${kind}`)
        .digest('hex').slice(0, 32);
    return `/unsubscribe?person=${person}&kind=${kind}&mac=${mac}`;
}

// The server's unsubscribe secret, and mail the relay refused: three messages to one
// address, now marked.
function refusedMail() {
    sql(`INSERT INTO server_secrets (name, value, created_at) VALUES ('unsubscribe-hmac',
         '${SECRET}', '2026-06-15T00:00:00Z')`);
    for (let i = 1; i <= 3; i++) {
        sql(`INSERT INTO mail_outbox (message_id, recipient, subject, body, created_at,
             next_attempt_at, attempts, refused_at, last_error) VALUES ('<r${i}@example.org>',
             'gone@example.org', 'A claim of yours is rejected', 'Body', '2026-06-1${i}T10:00:00Z',
             '2026-06-1${i}T10:00:00Z', 1, '2026-06-1${i}T10:00:05Z',
             'RCPT failed: 550 5.1.1 No such mailbox here')`);
    }
    sql(`INSERT INTO mail_address_refusals (address, refusals, last_refusal, last_refused_at,
         marked_at) VALUES ('gone@example.org', 3, 'RCPT failed: 550 5.1.1 No such mailbox here',
         '2026-06-13T10:00:05Z', '2026-06-13T10:00:05Z')`);
}

// axe, no sideways scrolling and a screenshot of the page as it is now.
const checked = (page, name, viewport) =>
    checkPage(page, 'notices', name, viewport === DESKTOP ? 'desktop' : 'phone');

test("a learner's mail choices: shown, refused, saved", { timeout: 120000 }, async () => {
    for (const viewport of [DESKTOP, PHONE]) {
        // A kind turned off at each width (the choices stay from one width to the next).
        const kind = viewport === DESKTOP ? 'notice-plan-returned' : 'notice-plan-signed';
        const context = await newContext(site.browser, { viewport });
        try {
            const page = await context.newPage();
            await signIn(page, site.base, 'staff@example.org', PASSWORD);
            await page.goto(`${site.base}/profile`);
            await page.getByRole('link', { name: 'Choose which mail certtrack sends you, and when' })
                .click();
            await page.waitForLoadState();
            assert.equal(new URL(page.url()).pathname, '/profile/notices');
            assert.match(await page.locator('main').textContent(), /cannot be turned off/);
            await checked(page, 'your mail choices', viewport);
            // Neither choice of delivery: the server's own refusal, beside the choices.
            await page.locator('main form').evaluate((form) => {
                form.noValidate = true;
                for (const radio of form.querySelectorAll('input[name="delivery"]')) {
                    radio.checked = false;
                }
            });
            await page.getByRole('button', { name: 'Save your choices' }).click();
            await page.waitForLoadState();
            assert.match(await page.locator('main').textContent(), /Choose gathered notices or a daily/);
            await checked(page, 'your mail choices refused', viewport);
            // USWDS draws its own radio buttons and boxes: the labels take the clicks.
            await page.locator('label[for="delivery-daily"]').click();
            await page.locator(`label[for="on-${kind}"]`).click();
            await page.getByRole('button', { name: 'Save your choices' }).click();
            await page.waitForLoadState();
            assert.match(await page.locator('main').textContent(), /Your choices are saved/);
            assert.equal(await page.locator('#delivery-daily').isChecked(), true);
            assert.equal(await page.locator(`#on-${kind}`).isChecked(), false);
            await checked(page, 'your mail choices saved', viewport);
            assert.deepEqual(context.problems, [], 'no console errors or failed resources');
        } finally {
            await context.close();
        }
    }
});

test('the one-click unsubscribe page, done, and refused', { timeout: 120000 }, async () => {
    const person = sql("SELECT id FROM people WHERE email = 'director@example.org'");
    for (const viewport of [DESKTOP, PHONE]) {
        const kind = viewport === DESKTOP ? 'notice-plan-to-sign' : 'reminder-claims-waiting';
        const context = await newContext(site.browser, { viewport });
        try {
            const page = await context.newPage();
            const address = unsubscribeAddress(person, kind);
            assert.equal((await page.goto(`${site.base}${address}`)).status(), 200);
            await checked(page, 'stop this mail', viewport);
            await page.getByRole('button', { name: 'Stop this mail' }).click();
            await page.waitForLoadState();
            assert.match(await page.locator('main').textContent(), /no more of this kind of mail/);
            await checked(page, 'this mail is stopped', viewport);
            assert.equal(sql(`SELECT how FROM notice_opt_outs WHERE person_id = ${person}
                              AND kind = '${kind}'`), 'unsubscribe');
            const wrong = address.replace(/mac=./, (found) => (found === 'mac=0' ? 'mac=1' : 'mac=0'));
            assert.equal((await page.goto(`${site.base}${wrong}`)).status(), 403);
            await checked(page, 'an unsubscribe address that is not valid', viewport);
            assert.deepEqual(context.problems, [], 'no console errors or failed resources');
        } finally {
            await context.close();
        }
    }
});

test("the coordinator's settings with refused mail", { timeout: 120000 }, async () => {
    for (const viewport of [DESKTOP, PHONE]) {
        const context = await newContext(site.browser, { viewport });
        try {
            const page = await context.newPage();
            await signIn(page, site.base, 'coordinator@example.org', PASSWORD);
            await page.goto(`${site.base}/settings`);
            const main = await page.locator('main').textContent();
            assert.match(main, /Messages the relay refused/);
            assert.match(main, /gone@example\.org/);
            await checked(page, 'settings with refused mail', viewport);
            assert.deepEqual(context.problems, [], 'no console errors or failed resources');
        } finally {
            await context.close();
        }
    }
});
