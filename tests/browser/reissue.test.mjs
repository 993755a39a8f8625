// The CE coordinator reissues the documents of staff@'s certificate after a name change,
// with the keyboard and the mouse: the "Reissue documents" link on the certificate's
// page, the form refused without a reason (the fault in the summary and at its field),
// the confirmation page that says what will happen, then the certificate's page with
// both versions; the public check of the old code says it was superseded, and of the
// new one names the new name. axe-core (WCAG 2.1 A/AA) and no sideways scrolling on each
// page at 1280 and 390 pixels.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
    DESKTOP, PASSWORD, PHONE, Server, checkPage, demoDatabase, ensureScreenshotDirectory, exe,
    launchBrowser, newContext, root, signIn, tabTo, tearDown, workDirectory,
} from './support.mjs';

const TODAY = '2026-06-15';
const NEW_NAME = 'Aroha Anderson-Kawhia';

const work = workDirectory();
let db = '';
let server = null;
let browser = null;

const sql = (query) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();

before(async () => {
    ensureScreenshotDirectory();
    db = await demoDatabase(work.path, TODAY);
    execFileSync(exe, ['person', 'edit', '--db', db, '--programs', join(root, 'programs'),
        '--person', 'staff@example.org', '--name', NEW_NAME], { env: { ...process.env,
        CERTTRACK_TODAY: TODAY } });
    server = new Server(work.path, db);
    await server.start(TODAY);
    browser = await launchBrowser();
}, { timeout: 60000 });

after(() => tearDown(browser, server, work), { timeout: 30000 });

async function checkBoth(page, name) {
    for (const [viewport, size] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
        await page.setViewportSize(viewport);
        await checkPage(page, 'reissue', name, size);
    }
}

const main = (page) => page.locator('main');

test('the coordinator reissues a certificate after a confirmation; the old code is superseded',
    { timeout: 180000 }, async () => {
        const id = sql("SELECT c.id FROM certificates c JOIN people p ON p.id = c.person_id"
            + " WHERE p.email = 'staff@example.org' AND c.revoked IS NULL");
        assert.match(id, /^\d+$/, 'the demo has a certificate of staff@');
        const oldCode = sql(`SELECT verification_code FROM certificates WHERE id = ${id}`);
        const oldName = sql(`SELECT printed_name FROM certificate_versions WHERE verification_code
            = '${oldCode}'`);
        const context = await newContext(browser);
        const page = await context.newPage();
        await signIn(page, server.base, 'coordinator@example.org', PASSWORD);
        await page.goto(`${server.base}/certificates/${id}`);
        const link = main(page).getByRole('link', { name: 'Reissue documents' });
        await tabTo(page, link);
        await Promise.all([page.waitForURL(/\/reissue$/), page.keyboard.press('Enter')]);
        await assert.doesNotReject(main(page).getByText(NEW_NAME).waitFor());
        await checkBoth(page, 'form');

        await page.locator('#reason').fill('   ');
        await page.getByRole('button', { name: 'Review the reissue' }).click();
        await page.waitForLoadState();
        await assert.doesNotReject(page.locator('#error-summary').waitFor());
        assert.equal(await page.locator('#reason').getAttribute('aria-invalid'), 'true');
        await checkBoth(page, 'form-errors');

        await page.locator('#reason').fill('name change');
        await page.getByRole('button', { name: 'Review the reissue' }).click();
        await page.waitForLoadState();
        await assert.doesNotReject(main(page).getByText('superseded on 2026-06-15',
            { exact: false }).waitFor());
        assert.equal(sql(`SELECT COUNT(*) FROM certificate_versions WHERE certificate_id = ${id}`),
            '1', 'nothing is kept before the confirmation');
        await checkBoth(page, 'confirm');

        const confirm = main(page).getByRole('button', { name: 'Reissue the documents' });
        await tabTo(page, confirm);
        await Promise.all([page.waitForURL(/reissued=1/), page.keyboard.press('Enter')]);
        await assert.doesNotReject(main(page).getByText('The documents are reissued').waitFor());
        await checkBoth(page, 'reissued');
        const newCode = sql(`SELECT verification_code FROM certificates WHERE id = ${id}`);
        assert.notEqual(newCode, oldCode);
        await context.close();

        const visitor = await newContext(browser);
        const check = await visitor.newPage();
        await check.goto(`${server.base}/verify/${oldCode}`);
        await assert.doesNotReject(main(check).getByText('Superseded: these documents are genuine',
            { exact: false }).waitFor());
        assert.ok((await main(check).innerText()).includes(oldName));
        assert.ok(!(await main(check).innerText()).includes(NEW_NAME));
        await checkBoth(check, 'verify-superseded');
        await check.goto(`${server.base}/verify/${newCode}`);
        await assert.doesNotReject(main(check).getByText(NEW_NAME).waitFor());
        await checkBoth(check, 'verify-current');
        await visitor.close();
    });
