// Proof files on a claim and a rejected claim corrected and sent again, with the
// keyboard and the mouse: the learner's file refused when too big or of another type
// (the field says why, what was typed is kept), then a PDF sent with the claim; the
// verifier sees it beside the claim and downloads it, another learner cannot; the
// verifier rejects the claim, the learner corrects it and sends it again, and the
// verifier sees it is a resend with the earlier reason. axe-core (WCAG 2.1 A/AA) and no
// sideways scrolling on each new page and error state at 1280 and 390 pixels.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBothSizes, demoSite, tabTo } from './support.mjs';

const TODAY = '2026-06-15';
const LEARNER = 'staff@example.org';
const TITLE = 'Grant writing for small libraries';
const REASON = 'The certificate says two credits, not one';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const site = demoSite(TODAY);
const { sql } = site;

const checkBoth = (page, name) => checkBothSizes(page, 'proofs', name, { phoneFirst: true });

// Presses the control with the keyboard: Tab to it, then Enter; waits for the page.
async function pressWithKeyboard(page, control) {
    await tabTo(page, control);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.waitForLoadState();
}

const main = (page) => page.locator('main');

// The mouse fills in the course, with the file given.
async function fillClaim(page, file, credits = '1') {
    await page.goto(`${site.base}/activities/new`);
    await page.getByLabel('Kind of activity').selectOption('course');
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('Date', { exact: true }).fill('2026-06-01');
    await page.getByLabel('Category').selectOption({ index: 1 });
    await page.getByLabel('Credits', { exact: true }).fill(credits);
    await main(page).locator('input[type=file]#file').setInputFiles(file);
}

async function refusedAtTheFile(page, message) {
    const error = page.locator('#error-message');
    assert.match(await error.innerText(), message);
    assert.equal(await page.locator('#file').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), TITLE,
        'what was typed is kept');
    assert.match(await main(page).innerText(), /choose it again/);
    assert.equal(sql(`SELECT COUNT(*) FROM activities WHERE title = '${TITLE}'`), '0');
}

test('a proof refused, then sent; seen by the verifier; the claim rejected, corrected and sent again',
    { timeout: 240000 }, async () => {
        const learner = await site.signedIn(LEARNER);
        const page = learner.page;

        // Too big: 11 MiB, refused at the field, the mouse sends it.
        await fillClaim(page, { name: 'scan.pdf', mimeType: 'application/pdf',
            buffer: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) });
        await page.getByRole('button', { name: 'Claim' }).click();
        await page.waitForLoadState();
        await refusedAtTheFile(page, /larger than 10 MiB/);
        await checkBoth(page, 'the claim form with a proof too big');

        // Not a PDF, whatever its name: the keyboard sends it.
        await fillClaim(page, { name: 'certificate.pdf', mimeType: 'application/pdf',
            buffer: Buffer.from('Only its name says it is a PDF.\n') });
        await pressWithKeyboard(page, page.getByRole('button', { name: 'Claim' }));
        await refusedAtTheFile(page, /not a PDF, PNG or JPEG image/);
        await checkBoth(page, 'the claim form with a proof of another type');

        // A PDF: the claim is recorded with it.
        await fillClaim(page, { name: 'attendance.pdf', mimeType: 'application/pdf', buffer: PDF });
        await pressWithKeyboard(page, page.getByRole('button', { name: 'Claim' }));
        assert.equal(new URL(page.url()).pathname, '/');
        const id = sql(`SELECT id FROM activities WHERE title = '${TITLE}'`);
        const proof = sql(`SELECT id FROM activity_proofs WHERE activity_id = ${id}`);
        assert.ok(proof, 'the proof is kept with the claim');

        // The learner opens the claim from the dashboard and sees the proof.
        const row = main(page).getByRole('row').filter({ hasText: TITLE });
        await pressWithKeyboard(page, row.getByRole('link', { name: /Claim and proof/ }));
        assert.match(await main(page).innerText(), /attendance\.pdf \(PDF, \d+ bytes\)/);
        await checkBoth(page, 'a claim with its proof');

        // The verifier sees it beside the claim and downloads it; another learner cannot.
        const verifier = sql(`SELECT v.email FROM people p JOIN people v ON v.id = p.verifier_id
            WHERE p.email = '${LEARNER}'`);
        const director = await site.signedIn(verifier);
        const queue = director.page;
        await queue.goto(`${site.base}/verify`);
        const claimRow = main(queue).getByRole('row').filter({ hasText: TITLE });
        const link = claimRow.getByRole('link', { name: 'attendance.pdf' });
        assert.equal(await link.count(), 1, 'the proof is beside the claim');
        await checkBoth(queue, 'the verify queue with a proof');
        const download = await director.context.request.get(`${site.base}/proofs/${proof}`);
        assert.equal(download.status(), 200);
        assert.equal(download.headers()['content-type'], 'application/pdf');
        assert.match(download.headers()['content-disposition'], /^attachment; filename="attendance.pdf"$/);
        assert.equal(download.headers()['x-content-type-options'], 'nosniff');
        assert.deepEqual(Buffer.from(await download.body()), PDF);
        const other = await site.signedIn('ready@example.org');
        assert.equal((await other.context.request.get(`${site.base}/proofs/${proof}`)).status(), 404);
        await other.context.close();

        // Rejected with a reason, from the confirmation page.
        await tabTo(queue, claimRow.getByRole('checkbox'));
        await queue.keyboard.press('Space');
        await queue.getByLabel(/Reason/).fill(REASON);
        await queue.getByRole('button', { name: 'Reject selected' }).click();
        await queue.waitForLoadState();
        await pressWithKeyboard(queue, queue.getByRole('button', { name: 'Reject 1 claim' }));
        assert.equal(sql(`SELECT status FROM activities WHERE id = ${id}`), 'rejected');

        // The learner corrects it and sends it again: the form comes filled in.
        await page.goto(`${site.base}/`);
        const rejected = main(page).getByRole('row').filter({ hasText: TITLE });
        await rejected.getByRole('link', { name: /Correct and send again/ }).click();
        await page.waitForLoadState();
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Correct and send again');
        assert.match(await main(page).innerText(), new RegExp(REASON));
        assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), TITLE);
        assert.equal(await page.getByLabel('Credits', { exact: true }).inputValue(), '1');
        await checkBoth(page, 'the correction of a rejected claim');
        await page.getByLabel('Credits', { exact: true }).fill('2');
        await pressWithKeyboard(page, page.getByRole('button', { name: 'Send the corrected claim' }));
        assert.equal(new URL(page.url()).pathname, '/');
        assert.equal(sql(`SELECT status || ' ' || credit_halves FROM activities WHERE replaces = ${id}`),
            'pending 4');
        assert.match(await main(page).innerText(), /Replaced by your corrected claim\./);
        await checkBoth(page, 'the dashboard with a replaced claim');

        // The verifier sees the resend, the earlier reason and the earlier proof.
        await queue.goto(`${site.base}/verify`);
        const resent = main(queue).getByRole('row').filter({ hasText: TITLE });
        const text = await resent.innerText();
        assert.match(text, /Sent again after a rejection\. Earlier reason: /);
        assert.match(text, new RegExp(REASON));
        assert.match(text, /attendance\.pdf \(PDF, \d+ bytes, sent with the earlier claim\)/);
        await checkBoth(queue, 'the verify queue with a resent claim');
        await director.context.close();
        await learner.context.close();
    });
