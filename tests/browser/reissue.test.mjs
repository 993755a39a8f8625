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
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { checkBothSizes, demoSite, exe, newContext, root, tabTo } from './support.mjs';

const TODAY = '2026-06-15';
const NEW_NAME = 'Aroha Anderson-Kawhia';

const site = demoSite(TODAY, {
    prepare: (db) => execFileSync(exe, ['person', 'edit', '--db', db, '--programs',
        join(root, 'programs'), '--person', 'staff@example.org', '--name', NEW_NAME],
        { env: { ...process.env, CERTTRACK_TODAY: TODAY } }),
});
const { sql } = site;

const checkBoth = (page, name) => checkBothSizes(page, 'reissue', name, { phoneFirst: true });

const main = (page) => page.locator('main');

test('the coordinator reissues a certificate after a confirmation; the old code is superseded',
    { timeout: 180000 }, async () => {
        const id = sql("SELECT c.id FROM certificates c JOIN people p ON p.id = c.person_id"
            + " WHERE p.email = 'staff@example.org' AND c.revoked IS NULL");
        assert.match(id, /^\d+$/, 'the demo has a certificate of staff@');
        const oldCode = sql(`SELECT verification_code FROM certificates WHERE id = ${id}`);
        const oldName = sql(`SELECT printed_name FROM certificate_versions WHERE verification_code
            = '${oldCode}'`);
        const { context, page } = await site.signedIn('coordinator@example.org');
        await page.goto(`${site.base}/certificates/${id}`);
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

        const visitor = await newContext(site.browser);
        const check = await visitor.newPage();
        await check.goto(`${site.base}/verify/${oldCode}`);
        await assert.doesNotReject(main(check).getByText('Superseded: these documents are genuine',
            { exact: false }).waitFor());
        assert.ok((await main(check).innerText()).includes(oldName));
        assert.ok(!(await main(check).innerText()).includes(NEW_NAME));
        await checkBoth(check, 'verify-superseded');
        await check.goto(`${site.base}/verify/${newCode}`);
        await assert.doesNotReject(main(check).getByText(NEW_NAME).waitFor());
        await checkBoth(check, 'verify-current');
        await visitor.close();
    });
