// Events in Chromium on a fresh demo database: the coordinator adds an event hosted by
// director@ on the catalog's form; staff@ registers for it from the catalog with the
// keyboard; director@, its host, ticks staff@ on the roster and records attendance
// (twice); staff@'s dashboard shows the credit once. axe-core's WCAG 2.1 A/AA rules pass
// on the catalog and the roster at 1280 and 390 pixels, without sideways scrolling.
// Then the public calendar, signed out, linked from the sign-in page; the coordinator
// edits an event (a fault named at its field, then saved) and withdraws it after the
// confirmation page, whose first button keeps it; the host uploads a roster CSV and reads
// the result page. axe passes on each of those pages at both sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBothSizes, demoSite, newContext, tabTo } from './support.mjs';

const TODAY = '2026-06-15';
const TITLE = 'Story Time Skills';

const site = demoSite(TODAY, { timeout: 120000 });

const main = (page) => page.getByRole('main');

const bothSizes = (page, name) => checkBothSizes(page, 'events', name);

test('an event registered for, attended and credited once', { timeout: 240000 }, async () => {
    const coordinator = await site.signedIn('coordinator@example.org');
    const form = coordinator.page;
    await form.goto(`${site.base}/catalog/new`);
    await form.locator('#title').fill(TITLE);
    await form.locator('#kind').selectOption('workshop');
    await form.locator('#starts').fill(TODAY);
    await form.locator('#credits').fill('2');
    await form.locator('#category').selectOption('technology');
    await form.locator('#place').fill('Helena, Montana State Library');
    await form.locator('#capacity').fill('10');
    await form.locator('#host').fill('director@example.org');
    await form.getByRole('button', { name: 'Add the event' }).click();
    await form.waitForLoadState();
    await assert.doesNotReject(main(form).getByText(`Added \u201c${TITLE}\u201d`).waitFor());
    await coordinator.context.close();

    const learner = await site.signedIn('staff@example.org');
    const catalog = learner.page;
    await catalog.goto(`${site.base}/catalog`);
    await bothSizes(catalog, 'catalog');
    const register = main(catalog).getByRole('button', { name: `Register ${TITLE}` });
    await tabTo(catalog, register);
    await Promise.all([catalog.waitForURL(/registered=1/), catalog.keyboard.press('Enter')]);
    await assert.doesNotReject(main(catalog).getByText('You are registered').waitFor());
    await assert.doesNotReject(main(catalog)
        .getByRole('button', { name: `Cancel registration ${TITLE}` }).waitFor());

    const host = await site.signedIn('director@example.org');
    const roster = host.page;
    await roster.goto(`${site.base}/catalog`);
    await roster.getByRole('link', { name: `Roster of ${TITLE}` }).click();
    await roster.waitForLoadState();
    await bothSizes(roster, 'roster');
    for (let run = 0; run < 2; run++) {
        const box = main(roster).getByRole('checkbox', { name: /Attended/ }).first();
        if (!(await box.isDisabled())) {
            await box.focus();
            await roster.keyboard.press('Space');
            assert.ok(await box.isChecked(), 'Space ticks the attendance box');
        }
        await roster.getByRole('button', { name: 'Record attendance' }).click();
        await roster.waitForLoadState();
    }
    await assert.doesNotReject(main(roster).getByText('Attended (recorded)').waitFor());
    await host.context.close();

    await catalog.goto(`${site.base}/`);
    const rows = main(catalog).getByRole('row').filter({ hasText: TITLE });
    assert.equal(await rows.count(), 1, 'the dashboard shows the credit once');
    await learner.context.close();
});

const UPCOMING = 'Spanish-Language Collections';

test('the calendar, editing an event and withdrawing it', { timeout: 240000 }, async () => {
    const visitor = await newContext(site.browser);
    const calendar = await visitor.newPage();
    await calendar.goto(`${site.base}/login`);
    await calendar.getByRole('link', { name: 'Calendar of upcoming events' }).click();
    await calendar.waitForLoadState();
    assert.match(calendar.url(), /\/calendar$/);
    await assert.doesNotReject(main(calendar).getByRole('heading', { name: UPCOMING }).waitFor());
    await assert.doesNotReject(main(calendar).getByRole('link', { name: 'Sign in to register' })
        .waitFor());
    await bothSizes(calendar, 'calendar');

    const heading = await main(calendar).getByRole('heading', { name: UPCOMING })
        .getAttribute('id');
    const edit = `/catalog/events/${heading.replace('event-', '')}/edit`;
    const coordinator = await site.signedIn('coordinator@example.org');
    const page = coordinator.page;
    await page.goto(`${site.base}${edit}`);
    await bothSizes(page, 'edit an event');
    await page.locator('#credits').fill('two');
    await page.getByRole('button', { name: 'Save the event' }).click();
    await page.waitForLoadState();
    await assert.doesNotReject(page.locator('#credits-error').waitFor());
    await bothSizes(page, 'edit an event refused');
    await page.locator('#credits').fill('4.5');
    await page.locator('#place').fill('Billings Public Library');
    await page.getByRole('button', { name: 'Save the event' }).click();
    await page.waitForURL(/saved=1/);
    await assert.doesNotReject(main(page).getByText('The event is saved.').waitFor());

    await main(page).getByRole('link', { name: 'Withdraw this event' }).click();
    await page.waitForLoadState();
    await bothSizes(page, 'withdraw confirmation');
    const buttons = main(page).locator('.usa-button-group .usa-button');
    assert.equal(await buttons.first().textContent(), 'Keep the event',
        'the safe button comes first');
    await main(page).getByRole('button', { name: 'Withdraw the event' }).click();
    await page.waitForURL(/done=1/);
    await assert.doesNotReject(main(page).getByText('The event is withdrawn.').waitFor());
    await bothSizes(page, 'event withdrawn');

    await calendar.reload();
    assert.equal(await main(calendar).getByRole('heading', { name: UPCOMING }).count(), 0,
        'a withdrawn event leaves the calendar');
    await visitor.close();
    await coordinator.context.close();
});

test('a roster uploaded as a CSV file', { timeout: 120000 }, async () => {
    const host = await site.signedIn('director@example.org');
    const roster = host.page;
    await roster.goto(`${site.base}/catalog`);
    await roster.getByRole('link', { name: `Roster of ${TITLE}` }).click();
    await roster.waitForLoadState();
    const file = join(site.work.path, 'roster.csv');
    writeFileSync(file, 'email\nstaff@example.org\nnobody@example.org\n');
    await roster.locator('#file').setInputFiles(file);
    await roster.getByRole('button', { name: 'Upload the roster file' }).click();
    await roster.waitForLoadState();
    await assert.doesNotReject(main(roster).locator('#error-summary')
        .getByRole('heading', { name: /^Nothing was recorded/ }).waitFor());
    await bothSizes(roster, 'roster upload refused');
    writeFileSync(file, 'email\nstaff@example.org\nplanner@example.org\n');
    await roster.goBack();
    await roster.locator('#file').setInputFiles(file);
    await roster.getByRole('button', { name: 'Upload the roster file' }).click();
    await roster.waitForLoadState();
    await assert.doesNotReject(main(roster).getByText('1 newly recorded, 1 credited').waitFor());
    await bothSizes(roster, 'roster upload');
    await host.context.close();
});
