// A claim the rules engine will not count, as the learner and the verifier meet it, with
// the keyboard and the mouse: the learner sees the engine's reason before the claim is
// sent and sends it only when they confirm; the verifier sees the same warning beside it
// on the queue, rejects it from a confirmation page, and the learner reads the reason on
// the dashboard. Then the coordinator's confirmation page before the award. axe-core
// (WCAG 2.1 A/AA) and no sideways scrolling on each new page at 1280 and 390 pixels.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBothSizes, demoSite, tabTo } from './support.mjs';

const TODAY = '2026-06-15';
const LEARNER = 'staff@example.org';
const TITLE = 'Cataloging basics, before the plan';
// staff@'s Strategic Track starts on 2025-06-15 and their plan is submitted on 2025-06-22.
const BEFORE_PLAN = /It took place before the development plan was first submitted\./;
const REASON = 'Please send the certificate of attendance';

const site = demoSite(TODAY);
const { sql } = site;

// axe and no sideways scrolling at both widths, then back to the desktop.
const checkBoth = (page, name) => checkBothSizes(page, 'claims-warn', name, { phoneFirst: true });

// Presses the button with the keyboard: Tab to it, then Enter; waits for the page.
async function pressWithKeyboard(page, button) {
    await tabTo(page, button);
    await Promise.all([page.waitForLoadState(), page.waitForNavigation(), page.keyboard.press('Enter')]);
}

const main = (page) => page.locator('main');

test('a warned claim, confirmed by the learner, warned beside it for the verifier, rejected with a reason',
    { timeout: 240000 }, async () => {
        const verifier = sql(`SELECT v.email FROM people p JOIN people v ON v.id = p.verifier_id
            WHERE p.email = '${LEARNER}'`);
        assert.ok(verifier, 'the learner has a verifier');
        const learner = await site.signedIn(LEARNER);
        const page = learner.page;

        // The mouse fills in a course dated in the week before the plan was submitted.
        await page.goto(`${site.base}/activities/new`);
        assert.doesNotMatch(await main(page).innerText(), /counts once (your verifier|verified)/);
        await page.getByLabel('Kind of activity').selectOption('course');
        await page.getByLabel('Title', { exact: true }).fill(TITLE);
        await page.getByLabel('Date', { exact: true }).fill('2025-06-18');
        await page.getByLabel('Category').selectOption({ index: 1 });
        await page.getByLabel('Credits', { exact: true }).fill('2');
        await page.getByRole('button', { name: 'Claim' }).click();
        await page.waitForLoadState();

        // The engine's reason, before anything is sent.
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(),
            'Send a claim that will not count?');
        const warning = await main(page).innerText();
        assert.match(warning, /The rules will not count this claim/);
        assert.match(warning, BEFORE_PLAN);
        assert.equal(sql(`SELECT COUNT(*) FROM activities WHERE title = '${TITLE}'`), '0',
            'nothing is sent before the learner confirms');
        await checkBoth(page, 'the confirmation of a claim that will not count');

        // "Change the claim" keeps what was typed; the mouse goes back, then on again.
        await page.getByRole('button', { name: 'Change the claim' }).click();
        await page.waitForLoadState();
        assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), TITLE);
        await page.getByRole('button', { name: 'Claim' }).click();
        await page.waitForLoadState();

        // The keyboard confirms.
        await pressWithKeyboard(page, page.getByRole('button', { name: 'Send it anyway' }));
        assert.equal(new URL(page.url()).pathname, '/');
        assert.match(await main(page).innerText(), /the rules will not count it/);
        assert.equal(sql(`SELECT status FROM activities WHERE title = '${TITLE}'`), 'pending');

        // The verifier sees the same warning beside the claim.
        const director = await site.signedIn(verifier);
        const queue = director.page;
        await queue.goto(`${site.base}/verify`);
        const row = main(queue).getByRole('row').filter({ hasText: TITLE });
        assert.equal(await row.count(), 1, 'the claim waits on the queue');
        const rowText = await row.innerText();
        assert.match(rowText, /Will not count, even if verified\./);
        assert.match(rowText, BEFORE_PLAN);
        await checkBoth(queue, 'the verify queue with a warned claim');

        // Rejected with a reason, from the confirmation page: keyboard for the box.
        await tabTo(queue, row.getByRole('checkbox'));
        await queue.keyboard.press('Space');
        await queue.getByLabel(/Reason/).fill(REASON);
        await queue.getByRole('button', { name: 'Reject selected' }).click();
        await queue.waitForLoadState();
        assert.equal(await queue.getByRole('heading', { level: 1 }).innerText(), 'Reject these claims?');
        const confirm = await main(queue).innerText();
        assert.match(confirm, new RegExp(REASON));
        assert.match(confirm, /Will not count, even if verified\./);
        assert.equal(sql(`SELECT status FROM activities WHERE title = '${TITLE}'`), 'pending');
        await checkBoth(queue, 'the confirmation before rejecting');
        await pressWithKeyboard(queue, queue.getByRole('button', { name: 'Reject 1 claim' }));
        assert.match(await main(queue).innerText(), /1 claim rejected/);
        assert.equal(sql(`SELECT status FROM activities WHERE title = '${TITLE}'`), 'rejected');

        // The learner reads the verifier's reason on the dashboard.
        await page.goto(`${site.base}/`);
        const mine = main(page).getByRole('row').filter({ hasText: TITLE });
        assert.match(await mine.innerText(), new RegExp(`Reason given: ${REASON}`));
        await checkBoth(page, 'the dashboard with a rejection reason');
        await director.context.close();
        await learner.context.close();
    });

test('the award asks first, saying what will happen', { timeout: 120000 }, async () => {
    const coordinator = await site.signedIn('coordinator@example.org');
    const page = coordinator.page;
    await page.goto(`${site.base}/review`);
    const award = main(page).getByRole('button', { name: 'Award' }).first();
    await award.click();
    await page.waitForLoadState();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Award this certificate?');
    assert.match(await main(page).innerText(), /An award is not undone/);
    const before = sql('SELECT COUNT(*) FROM certificates');
    await checkBoth(page, 'the confirmation before the award');
    await pressWithKeyboard(page, page.getByRole('button', { name: 'Award the certificate' }));
    assert.match(await main(page).innerText(), /is issued to/);
    assert.equal(Number(sql('SELECT COUNT(*) FROM certificates')), Number(before) + 1);
    await coordinator.context.close();
});
