// The CE coordinator corrects a verified activity of staff@, with the keyboard and the
// mouse: the "Correct this activity" link on the activity's page, the form with two
// fields at fault marked at once, the confirmation page that says what changes, then the
// activity's page saying it is corrected, with the values before; the learner's notice
// is kept. axe-core (WCAG 2.1 A/AA) and no sideways scrolling on each page at 1280 and
// 390 pixels.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBothSizes, demoSite, tabTo } from './support.mjs';

const TODAY = '2026-06-15';
const REASON = 'The sponsor certified half a credit';

const site = demoSite(TODAY);
const { sql } = site;

const checkBoth = (page, name) => checkBothSizes(page, 'corrections', name, { phoneFirst: true });

const main = (page) => page.locator('main');

test('the coordinator corrects a verified activity after a confirmation', { timeout: 180000 },
    async () => {
        const id = sql("SELECT MIN(a.id) FROM activities a JOIN people p ON p.id = a.person_id"
            + " WHERE p.email = 'staff@example.org' AND a.status = 'verified' AND a.kind IN"
            + " ('course', 'workshop', 'conference-session', 'webinar') AND a.superseded_by"
            + " IS NULL AND a.replaced_at IS NULL AND a.credit_halves <> 1");
        assert.match(id, /^\d+$/, 'the demo has a verified activity of staff@');
        const { context, page } = await site.signedIn('coordinator@example.org');
        await page.goto(`${site.base}/activities/${id}`);
        await checkBoth(page, 'activity');
        const link = main(page).getByRole('link', { name: 'Correct this activity' });
        await tabTo(page, link);
        await Promise.all([page.waitForURL(/\/correct$/), page.keyboard.press('Enter')]);
        await checkBoth(page, 'form');

        const date = await page.locator('#date').inputValue();
        await page.locator('#credits').fill('1.25');
        await page.locator('#date').fill('2026-07-01');
        await page.locator('#reason').fill(REASON);
        await page.getByRole('button', { name: 'Review the correction' }).click();
        await page.waitForLoadState();
        await assert.doesNotReject(main(page).getByText('fix the fields marked below').waitFor());
        for (const field of ['credits', 'date']) {
            assert.equal(await page.locator(`#${field}`).getAttribute('aria-invalid'), 'true');
            assert.match(await page.locator(`#${field}`).getAttribute('aria-describedby'),
                new RegExp(`${field}-error`));
        }
        await checkBoth(page, 'form-errors');

        await page.locator('#credits').fill('0.5');
        await page.locator('#date').fill(date);
        await page.getByRole('button', { name: 'Review the correction' }).click();
        await page.waitForLoadState();
        await assert.doesNotReject(main(page).getByText('After the correction').waitFor());
        await assert.doesNotReject(main(page).getByText(REASON).waitFor());
        assert.equal(sql(`SELECT credit_halves <> 1 FROM activities WHERE id = ${id}`), '1',
            'nothing changes before the confirmation');
        await checkBoth(page, 'confirm');

        const confirm = main(page).getByRole('button', { name: 'Correct the activity' });
        await tabTo(page, confirm);
        await Promise.all([page.waitForURL(/corrected=1/), page.keyboard.press('Enter')]);
        await assert.doesNotReject(main(page).getByText('The activity is corrected').waitFor());
        await assert.doesNotReject(main(page).getByRole('heading', { name: 'Corrections' })
            .waitFor());
        await checkBoth(page, 'corrected');
        assert.equal(sql(`SELECT credit_halves FROM activities WHERE id = ${id}`), '1');
        assert.equal(sql("SELECT count(*) FROM notices WHERE kind = 'notice-activity-corrected'"
            + ` AND instr(body, '${REASON}') > 0`), '1');
        await context.close();
    });
