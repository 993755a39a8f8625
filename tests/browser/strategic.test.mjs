// The whole Strategic Track story in a real browser (Debian's chromium, driven by
// playwright-core), every step through the pages, on a fresh demo database:
//
//   planner@ writes a Professional Development Plan and submits it; director@ reads it
//   and returns it once; a week later planner@ revises it and submits it again, and
//   director@ co-signs it. Months later planner@ claims credits: one planned
//   self-directed study, one workshop dated before the plan, one self-directed study
//   that crosses the 20-credit cap, and the rest of the 60. director@ verifies them;
//   planner@ sees the engine's decisions and the progress, writes the final report and
//   submits it; coordinator@ returns it once, then accepts it; planner@ asks for the
//   award and coordinator@ awards the certificate; planner@ sees the certificate and
//   the new track, and director@ sees the plan on the library page.
//
// The clock moves with CERTTRACK_TODAY: the server is stopped and started again on the
// same database as of a later day; the browser keeps its sessions.
//
// STORY_INPUT=keyboard (the default) walks the story with the keyboard alone (Tab,
// Shift+Tab, Enter, Space, arrow keys and typing), runs axe-core's WCAG 2.1 A/AA rules on
// every page the story shows (errors and confirmations included) and keeps screenshots
// of the main pages at desktop and phone widths in CERTTRACK_SCREENSHOTS, logging any
// sideways scrolling at phone width. STORY_INPUT=mouse walks it with clicks and fills.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
    DESKTOP, PASSWORD, PHONE, Server, checkAccessible, demoDatabase, ensureScreenshotDirectory,
    horizontalOverflow, launchBrowser, newContext, screenshots, signIn, signInWithKeyboard, tabTo,
    workDirectory,
} from './support.mjs';

const INPUT = process.env.STORY_INPUT || 'keyboard';
assert.ok(['keyboard', 'mouse'].includes(INPUT), `STORY_INPUT must be keyboard or mouse, not ${INPUT}`);
const KEYBOARD = INPUT === 'keyboard';

// The days of the story. The demo data is made on the first: planner@'s track started
// sixty days before it.
const DAY = {
    planWritten: '2026-06-15',
    planRevised: '2026-06-22',
    claims: '2027-03-01',
    reportReturned: '2027-03-08',
    awarded: '2027-03-15',
    nextTrack: '2027-03-16',
};

const work = workDirectory();
let db = '';
let server = null;
let browser = null;
const people = {}; // by e-mail: each person's browser context and page
const story = {};  // what the story learns on the way: planner@'s name, the certificate
const overflow = [];

// ---- driving the pages: the keyboard alone, or the mouse ----

// Waits for the document that the action (a key press or a click) makes the browser
// load, whether the server answers with a redirect or with the page itself.
async function navigating(page, action) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
}

const keyboard = {
    async follow(page, link) {
        await tabTo(page, link);
        await navigating(page, () => page.keyboard.press('Enter'));
    },
    async type(page, field, text, { append = false } = {}) {
        await tabTo(page, field);
        if (append) {
            await page.keyboard.press('Control+End');
        } else {
            await page.keyboard.press('Control+A');
            await page.keyboard.press('Delete');
        }
        await page.keyboard.type(text);
    },
    // A date field takes the day as the pages write it, YYYY-MM-DD, typed as it is.
    async date(page, field, iso) {
        await tabTo(page, field);
        await page.keyboard.type(iso);
        assert.equal(await field.inputValue(), iso, `the date typed into ${field}`);
    },
    // Arrow keys move a closed select's choice, as a person with a keyboard does.
    async choose(page, select, label) {
        await tabTo(page, select);
        const { current, wanted } = await select.evaluate((element, text) => ({
            current: element.selectedIndex,
            wanted: [...element.options].findIndex((option) => option.text === text),
        }), label);
        assert.ok(wanted >= 0, `${select} has no option "${label}"`);
        const key = wanted > current ? 'ArrowDown' : 'ArrowUp';
        for (let i = 0; i < Math.abs(wanted - current); i++) {
            await page.keyboard.press(key);
        }
        assert.equal(await select.evaluate((element) => element.options[element.selectedIndex].text),
            label, `the arrow keys chose "${label}" in ${select}`);
    },
    async check(page, box) {
        await tabTo(page, box);
        await page.keyboard.press('Space');
        assert.ok(await box.isChecked(), `Space checked ${box}`);
    },
    async press(page, button) {
        await tabTo(page, button);
        await navigating(page, () => page.keyboard.press('Enter'));
    },
    // Enter in the field that has the focus submits its form with the form's first
    // button, which must be `button`.
    async enter(page, button) {
        assert.equal(await button.evaluate((element) => element.form.querySelector(
            'button[type="submit"]') === element), true, `${button} is its form's first button`);
        await navigating(page, () => page.keyboard.press('Enter'));
    },
    async signIn(page, base, email) {
        await signInWithKeyboard(page, base, email, PASSWORD);
    },
};

const mouse = {
    async follow(page, link) {
        await navigating(page, () => link.click());
    },
    async type(page, field, text, { append = false } = {}) {
        await field.fill(append ? `${await field.inputValue()}${text}` : text);
    },
    async date(page, field, iso) {
        await field.fill(iso);
    },
    async choose(page, select, label) {
        await select.selectOption({ label });
    },
    async check(page, box) {
        await box.check();
    },
    async press(page, button) {
        await navigating(page, () => button.click());
    },
    async enter(page, button) {
        await navigating(page, () => button.click());
    },
    async signIn(page, base, email) {
        await signIn(page, base, email, PASSWORD);
        assert.equal(page.url(), `${base}/`, `${email} signed in`);
    },
};

const ui = KEYBOARD ? keyboard : mouse;

// ---- what a step looks at ----

const main = (page) => page.getByRole('main');
const heading = (page) => main(page).getByRole('heading', { level: 1 });
// The site's menu: a link of a navigation landmark (whatever the landmark is called), by
// its label, read with the count of what waits behind it when anything does ("Plans to
// sign, 1 waiting").
const navLink = (page, name) => page.getByRole('navigation')
    .getByRole('link', { name: new RegExp(`^${name}(, \\d+ waiting)?$`) }).first();
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const field = (scope, label) => scope.getByLabel(label, { exact: true });
const notice = (page) => main(page).getByRole('status');
// The first alert: a refused form's error summary, or the page's one alert.
const alert = (page) => main(page).getByRole('alert').first();

async function text(locator) {
    return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

// The cells of the row of `table` whose text matches `match`, by column header.
async function rowOf(table, match) {
    const headers = (await table.getByRole('columnheader').allInnerTexts()).map((header) =>
        header.replace(/\s+/g, ' ').trim());
    const rows = table.getByRole('row').filter({ hasText: match });
    assert.equal(await rows.count(), 1, `one row of the table matches ${match}; ` +
        `the table reads:\n${await table.innerText()}`);
    // Data cells and row headers alike, in order (a restyled table may head rows with th).
    const cells = (await rows.first().locator(':scope > td, :scope > th').allInnerTexts())
        .map((cell) => cell.replace(/\s+/g, ' ').trim());
    return Object.fromEntries(headers.map((header, i) => [header, cells[i]]));
}

// The table of the page that has a column with this header (found by what it shows,
// not by its markup).
function tableWith(page, header) {
    return main(page).getByRole('table').filter({
        has: page.getByRole('columnheader', { name: header, exact: true }),
    });
}

// The plan of planner@ on the director's page of plans to sign.
function planOf(page) {
    return main(page).getByRole('region', { name: new RegExp(`^${story.plannerName}, version`) });
}

// Checks the page with axe-core (keyboard run only: once per story is enough).
async function audit(page, name) {
    if (KEYBOARD) {
        await checkAccessible(page, name);
    }
}

// Screenshots of one of the main pages at the desktop and the phone width (keyboard run
// only), and how far it scrolls sideways on the phone.
async function shoot(page, name) {
    if (!KEYBOARD) {
        return;
    }
    await page.screenshot({ path: join(screenshots, `strategic-${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    try {
        await page.screenshot({ path: join(screenshots, `strategic-${name}-phone.png`), fullPage: true });
        const pixels = await horizontalOverflow(page);
        overflow.push({ name, pixels });
        console.log(`${name} at ${PHONE.width}x${PHONE.height}: ` +
            `${pixels > 0 ? `${pixels}px of horizontal scrolling` : 'no horizontal scrolling'}`);
    } finally {
        await page.setViewportSize(DESKTOP);
    }
}

// One person in their own browser context, signed in once; the session outlives the
// server's restarts.
async function person(email) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.base}/login`);
    if (Object.keys(people).length === 0) {
        await audit(page, 'the sign-in page');
    }
    await ui.signIn(page, server.base, email);
    people[email] = { context, page };
    return page;
}

// Moves the clock: the same database served as of day.
async function dayIs(day) {
    await server.restart(day);
}

// Each step builds on the one before: after a failure the rest are skipped, not failed
// again for the same reason.
let broken = null;
function step(name, body) {
    test(name, { timeout: 90000 }, async (t) => {
        if (broken !== null) {
            t.skip(`an earlier step failed: ${broken}`);
            return;
        }
        try {
            await body();
        } catch (error) {
            broken = name;
            throw error;
        }
    });
}

function personName(email) {
    return execFileSync('sqlite3', [db, `SELECT name FROM people WHERE email = '${email}'`],
        { encoding: 'utf8' }).trim();
}

before(async () => {
    ensureScreenshotDirectory();
    db = await demoDatabase(work.path, DAY.planWritten);
    server = new Server(work.path, db);
    await server.start(DAY.planWritten);
    browser = await launchBrowser();
    story.plannerName = personName('planner@example.org');
    console.log(`walking the story with the ${INPUT}; planner@ is ${story.plannerName}`);
}, { timeout: 60000 });

after(async () => {
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
    if (overflow.length > 0) {
        const wide = overflow.filter((page) => page.pixels > 0);
        console.log(`phone width: ${wide.length} of ${overflow.length} main pages scroll sideways` +
            wide.map((page) => ` (${page.name}: ${page.pixels}px)`).join(''));
    }
}, { timeout: 30000 });

// ---- the story ----

step('planner@ has no plan yet and writes version 1: goal, self-directed study, training', async () => {
    const page = await person('planner@example.org');
    assert.equal(await text(heading(page)), 'Your progress');
    assert.match(await text(main(page)), /Strategic Track to MSL Certification/);
    assert.match(await text(main(page)), /No professional development plan has been submitted\./);
    await audit(page, 'the dashboard of a learner with no plan');

    await ui.follow(page, navLink(page, 'Your plan'));
    assert.equal(await text(heading(page)), 'Professional Development Plan');
    await audit(page, 'the plan page with no plan yet');
    await ui.press(page, button(main(page), 'Start your plan'));
    assert.match(await text(main(page)), /draft/);

    await ui.type(page, field(page, 'Gaps in skills or knowledge'),
        'Helping patrons with phones, forms and online services');
    await ui.type(page, field(page, 'Options for learning you researched'),
        'Digital navigator courses (MSL, WebJunction); visits to libraries with help desks');
    await ui.press(page, button(main(page), 'Save the draft'));
    assert.equal(await field(page, 'Gaps in skills or knowledge').inputValue(),
        'Helping patrons with phones, forms and online services', 'the text is saved');

    // A plan with no goal is not submitted: it would serve nothing of the library's.
    await ui.press(page, button(main(page), 'Submit this version'));
    assert.match(await text(alert(page)), /Add at least one goal/);
    await audit(page, 'the plan editor refusing a plan with no goal');

    // A goal without words is refused, saying what to do, and what was typed stays.
    await ui.choose(page, field(page, 'The library goal it serves'), 'G2 Digital inclusion');
    await ui.type(page, field(page, 'Desired outcomes'), 'Weekly drop-in help desk hours');
    await ui.press(page, button(main(page), 'Add a goal'));
    assert.match(await text(alert(page)), /goal/i);
    assert.equal(await field(page, 'Desired outcomes').inputValue(), 'Weekly drop-in help desk hours',
        'the outcomes typed are kept');
    await audit(page, 'the plan editor with a refused goal');

    await ui.choose(page, field(page, 'The library goal it serves'), 'G2 Digital inclusion');
    await ui.type(page, field(page, 'Your goal'), 'Run a digital skills help desk');
    await ui.press(page, button(main(page), 'Add a goal'));
    assert.equal(await field(page, 'Goal 1: your goal').inputValue(), 'Run a digital skills help desk');
    assert.equal(await field(page, 'Goal 1: desired outcomes').inputValue(), 'Weekly drop-in help desk hours');

    await ui.choose(page, field(page, 'Kind'), 'Self-directed learning');
    await ui.type(page, field(page, 'Short name (self-directed claims name it)'), 'sd-reading');
    await ui.type(page, field(page, 'Description'), 'Read about digital navigator programs');
    await ui.type(page, field(page, 'Planned hours'), '30');
    await ui.press(page, button(main(page), 'Add an item'));
    await ui.choose(page, field(page, 'Kind'), 'Training');
    await ui.type(page, field(page, 'Short name (self-directed claims name it)'), 't-navigators');
    await ui.type(page, field(page, 'Description'), 'Digital Navigators in Small Libraries');
    await ui.press(page, button(main(page), 'Add an item'));
    assert.equal(await field(page, 'Activity 1: short name').inputValue(), 'sd-reading');
    assert.equal(await field(page, 'Activity 1: planned hours').inputValue(), '30');
    assert.equal(await field(page, 'Activity 2: short name').inputValue(), 't-navigators');
    await audit(page, 'the plan editor with a draft');
    await shoot(page, 'plan-editor');

    await ui.press(page, button(main(page), 'Submit this version'));
    await audit(page, 'the plan page of a submitted version');
    await ui.press(page, button(main(page), 'Sign this version'));
    assert.match(await text(main(page)), /waits for your library's signature/);
    const versions = await rowOf(tableWith(page, 'Signed for the library'), /^1/);
    assert.equal(versions.State, 'submitted');
    assert.equal(versions.Submitted, DAY.planWritten);
    await audit(page, 'the plan page waiting for the library');
});

step('director@ reads the plan and returns it once, with a comment', async () => {
    const page = await person('director@example.org');
    await ui.follow(page, navLink(page, 'Plans to sign'));
    assert.equal(await text(heading(page)), 'Plans to sign');
    const row = planOf(page);
    const shown = await text(row);
    assert.match(shown, /Run a digital skills help desk/, 'the director sees the goal');
    assert.match(shown, /Digital inclusion/, 'and the library goal it serves');
    assert.match(shown, /Read about digital navigator programs/, 'and the planned items');
    await audit(page, 'the plans to sign');
    await shoot(page, 'plan-review');

    // Returning needs a comment: refused without one.
    await ui.press(page, button(row, 'Return'));
    assert.match(await text(alert(page)), /say what to change/i);
    await audit(page, 'the plans to sign with a refused return');
    const again = planOf(page);
    await ui.type(page, again.getByRole('textbox', { name: /Comment/ }),
        'Please add the visits to peer libraries we talked about.');
    await ui.enter(page, button(again, 'Return'));
    assert.match(await text(notice(page)), /returned/i);
    assert.equal(await planOf(page).count(), 0, 'the returned plan leaves the list');
    assert.match(await text(main(page)), /No plan waits for your signature\./);
    await audit(page, 'the plans to sign after a return');
});

step('a week later planner@ revises the plan and submits it again; director@ co-signs it', async () => {
    await dayIs(DAY.planRevised);
    const page = people['planner@example.org'].page;
    await ui.follow(page, navLink(page, 'Your plan'));
    assert.match(await text(main(page)), /Please add the visits to peer libraries we talked about\./,
        'the learner sees why the plan came back');
    await audit(page, 'the plan editor of a returned version');
    await ui.choose(page, field(page, 'Kind'), 'Self-directed learning');
    await ui.type(page, field(page, 'Short name (self-directed claims name it)'), 'sd-visits');
    await ui.type(page, field(page, 'Description'), 'Visit two libraries that run help desks');
    await ui.type(page, field(page, 'Planned hours'), '36');
    await ui.press(page, button(main(page), 'Add an item'));
    await ui.press(page, button(main(page), 'Submit this version'));
    await ui.press(page, button(main(page), 'Sign this version'));
    assert.equal((await rowOf(tableWith(page, 'Signed for the library'), /^1/)).Submitted, DAY.planRevised);

    const director = people['director@example.org'].page;
    await ui.follow(director, navLink(director, 'Plans to sign'));
    const row = planOf(director);
    assert.match(await text(row), /Visit two libraries that run help desks/);
    await ui.press(director, button(row, 'Sign for the library'));
    // Signing asks first, saying what it does; nothing is signed yet.
    assert.match(await text(main(director)), /approves it at once/);
    await audit(director, 'the confirmation before signing for the library');
    await ui.press(director, button(main(director), 'Yes, sign for the library'));
    assert.match(await text(notice(director)), /approved/i);
    await audit(director, 'the plans to sign after a signature');

    await ui.follow(page, navLink(page, 'Your plan'));
    const version = await rowOf(tableWith(page, 'Signed for the library'), /^1/);
    assert.equal(version.State, 'approved');
    await audit(page, 'the plan page of an approved plan');
    await ui.follow(page, navLink(page, 'Your progress'));
    assert.doesNotMatch(await text(main(page)), /No professional development plan/);
});

// Claimed in this order; the last crosses the self-directed cap (10 + 12 > 20).
const claims = [
    { kind: 'workshop', title: 'Summer Reading Planning', date: '2026-05-20', category: 'Library Services to the Public', credits: '3' },
    { kind: 'self-directed', title: 'Reading on digital navigator programs', date: '2026-09-15', hours: '30', item: 'sd-reading' },
    { kind: 'college', title: 'LIS 520 Information Organization', date: '2026-12-11', category: 'Collection Management and Technical Services', semester: '4' },
    { kind: 'college', title: 'LIS 535 Reference and Information Services', date: '2026-12-18', category: 'Library Services to the Public', semester: '4' },
    { kind: 'workshop', title: 'Digital Navigators in Small Libraries', date: '2027-01-20', category: 'Technology', credits: '8' },
    { kind: 'self-directed', title: 'Visits to two libraries with help desks', date: '2027-02-10', hours: '36', item: 'sd-visits' },
];

async function claim(page, activity) {
    await ui.follow(page, navLink(page, 'Claim an activity'));
    await ui.choose(page, field(page, 'Kind of activity'), activity.kind);
    await ui.type(page, field(page, 'Title'), activity.title);
    await ui.date(page, field(page, 'Date'), activity.date);
    if (activity.category) {
        await ui.choose(page, field(page, 'Category'), activity.category);
    }
    if (activity.credits) {
        await ui.type(page, field(page, 'Credits'), activity.credits);
    }
    if (activity.semester) {
        await ui.type(page, field(page, 'Semester credits'), activity.semester);
    }
    if (activity.hours) {
        await ui.type(page, field(page, 'Hours'), activity.hours);
    }
    if (activity.item) {
        // The plan's self-directed items are offered by their short name and description.
        const select = field(page, 'Item of your plan');
        const label = await select.evaluate((element, key) =>
            [...element.options].find((option) => option.value === key)?.text, activity.item);
        assert.ok(label, `the plan item ${activity.item} is offered`);
        await ui.choose(page, select, label);
    }
    await ui.press(page, button(main(page), 'Claim'));
}

step('months later planner@ claims: planned study, a workshop before the plan, study past the cap', async () => {
    await dayIs(DAY.claims);
    const page = people['planner@example.org'].page;
    await ui.follow(page, navLink(page, 'Claim an activity'));
    assert.equal(await text(heading(page)), 'Claim an activity');
    await audit(page, 'the claim form');
    await shoot(page, 'claim-form');

    // A credit value that is not a multiple of 0.5: refused, saying so, typing kept.
    await claim(page, { ...claims[0], credits: '2.25' });
    assert.match(await text(alert(page)), /multiple of 0\.5/);
    assert.equal(await field(page, 'Title').inputValue(), claims[0].title, 'the title typed is kept');
    assert.equal(await field(page, 'Date').inputValue(), claims[0].date, 'the date typed is kept');
    await audit(page, 'the claim form with a refused credit value');

    for (const activity of claims) {
        await claim(page, activity);
        if (activity === claims[0]) {
            // The workshop before the plan will never count: the engine's reason is shown
            // before it is sent, and it is sent only when confirmed.
            assert.equal(await text(heading(page)), 'Send a claim that will not count?');
            assert.match(await text(main(page)), /before the development plan/);
            await audit(page, 'the confirmation of a claim that will not count');
            await ui.press(page, button(main(page), 'Send it anyway'));
        }
        assert.equal(new URL(page.url()).pathname, '/', `the claim "${activity.title}" is recorded`);
        assert.match(await text(notice(page)), /claim/i);
    }
    await audit(page, 'the dashboard after a claim');
    const table = tableWith(page, 'Why');
    // Nothing counts before it is verified; the workshop before the plan never will, and
    // the dashboard says so at once.
    for (const activity of claims) {
        const row = await rowOf(table, activity.title);
        assert.equal(row.Counted, '0');
        assert.match(row.Why, activity === claims[0] ? /before the development plan/
            : /waiting for verification/);
    }
});

step('director@ verifies the six claims from the queue', async () => {
    const page = people['director@example.org'].page;
    await ui.follow(page, navLink(page, 'Claims to verify'));
    assert.equal(await text(heading(page)), 'Claims to verify');
    // Nothing selected: refused with a message.
    await ui.press(page, button(main(page), 'Verify selected'));
    assert.match(await text(alert(page)), /Select at least one claim/);
    await audit(page, 'the claims to verify with nothing selected');
    for (const activity of claims) {
        await ui.check(page, main(page).getByRole('checkbox',
            { name: new RegExp(`${activity.title}.*${story.plannerName}`) }));
    }
    // The director sees what each claim says it is worth; study by its hours and plan item.
    const queue = tableWith(page, 'Claimed');
    assert.equal((await rowOf(queue, claims[1].title)).Claimed, '30 hours, plan item sd-reading');
    assert.equal((await rowOf(queue, claims[2].title)).Claimed, '4 semester credits');
    await audit(page, 'the claims to verify');
    await shoot(page, 'verification-queue');
    await ui.press(page, button(main(page), 'Verify selected'));
    // A confirmation page says what will happen, with the engine's warning beside the
    // claim that will not count.
    assert.equal(await text(heading(page)), 'Verify these claims?');
    assert.match(await text(main(page)), /Will not count, even if verified\./);
    await audit(page, 'the confirmation before verifying');
    await ui.press(page, button(main(page), 'Verify 6 claims'));
    assert.match(await text(notice(page)), /6 claims verified/);
    for (const activity of claims) {
        assert.equal(await main(page).getByRole('row').filter({ hasText: activity.title }).count(), 0,
            `"${activity.title}" left the queue`);
    }
    await audit(page, 'the claims to verify after verifying');
});

step("planner@ sees the engine's decisions and progress, then writes and submits the final report", async () => {
    const page = people['planner@example.org'].page;
    await ui.follow(page, navLink(page, 'Your progress'));
    const table = tableWith(page, 'Why');
    const beforePlan = await rowOf(table, claims[0].title);
    assert.equal(beforePlan.Counted, '0', 'the workshop before the plan is not counted');
    assert.match(beforePlan.Why, /before the development plan was first submitted/);
    const planned = await rowOf(table, claims[1].title);
    assert.equal(planned.Counted, '10', '30 hours of planned self-directed study count 10');
    assert.match(planned.Why, /Counts in full/);
    const capped = await rowOf(table, claims[5].title);
    assert.equal(capped.Worth, '12', '36 hours of self-directed study are worth 12');
    assert.equal(capped.Counted, '10', 'the study past the cap counts only up to 20 in all');
    assert.match(capped.Why, /reached its credit limit/);
    assert.equal((await rowOf(table, claims[2].title)).Counted, '16', '4 semester credits are 16');
    assert.equal(beforePlan.Worth, '3');
    const summary = await text(main(page));
    assert.match(summary, /Credits counted\s*60 of 60/);
    assert.match(summary, /Self-directed\s*20 of at most 20/);
    assert.match(summary, /Status\s*In progress/);
    assert.match(summary, /The final report has not been submitted\./);
    await audit(page, 'the dashboard with the decisions');
    await shoot(page, 'dashboard');

    // The first of the links to it: what waits for the learner names it too.
    await ui.follow(page, main(page).getByRole('link', { name: /final report/i }).first());
    assert.equal(await text(heading(page)), 'Final report');
    await ui.type(page, page.getByLabel(/Your reflection/),
        'The help desk now opens three afternoons a week. Reading about digital navigators and ' +
        'visiting two libraries showed me how to train volunteers.');
    await ui.press(page, button(main(page), 'Save draft'));
    assert.match(await text(notice(page)), /saved/i);
    await audit(page, 'the final report with a saved draft');
    await shoot(page, 'final-report');
    await ui.press(page, button(main(page), 'Submit to the State Library'));
    assert.match(await text(notice(page)), /submitted/i);
    assert.match(await text(main(page)), /three afternoons a week/);
    await audit(page, 'the final report once submitted');
});

// A final report waiting for review: a region named by its learner.
function reportOf(page, name) {
    return main(page).getByRole('region', { name });
}

step('coordinator@ returns the final report once, with a comment', async () => {
    await dayIs(DAY.reportReturned);
    const page = await person('coordinator@example.org');
    await ui.follow(page, navLink(page, 'Review and award'));
    const row = reportOf(page, story.plannerName);
    assert.match(await text(row), /three afternoons a week/);
    await ui.press(page, button(row, 'Return'));
    assert.match(await text(alert(page)), /Say what to change/);
    await audit(page, 'the review page with a refused return');
    const again = reportOf(page, story.plannerName);
    await ui.type(page, again.getByRole('textbox', { name: /Comment/ }),
        'Please say which library goal the help desk served.');
    await ui.enter(page, button(again, 'Return'));
    assert.match(await text(notice(page)), /returned/i);
    await audit(page, 'the review page after a return');

    const learner = people['planner@example.org'].page;
    await ui.follow(learner, navLink(learner, 'Final report'));
    assert.match(await text(main(learner)), /Please say which library goal the help desk served\./);
    assert.match(await learner.getByLabel(/Your reflection/).inputValue(), /three afternoons a week/,
        'the returned report is there to revise');
    await audit(learner, 'the final report returned');
    await ui.type(learner, learner.getByLabel(/Your reflection/),
        ' It served goal G2, Digital inclusion.', { append: true });
    await ui.press(learner, button(main(learner), 'Submit to the State Library'));
    assert.match(await text(main(learner)), /It served goal G2, Digital inclusion\./);
});

step('coordinator@ accepts the report; the track is complete in the compliance view', async () => {
    await dayIs(DAY.awarded);
    const page = people['coordinator@example.org'].page;
    await ui.follow(page, navLink(page, 'Review and award'));
    const row = reportOf(page, story.plannerName);
    assert.match(await text(row), /Digital inclusion/);
    await ui.press(page, button(row, 'Accept'));
    assert.equal(await text(heading(page)), 'Accept this final report?');
    await audit(page, 'the confirmation before accepting a final report');
    await ui.press(page, button(main(page), 'Accept the final report'));
    assert.match(await text(notice(page)), /accepted/i);

    await ui.follow(page, navLink(page, 'Compliance'));
    await ui.choose(page, field(page, 'Program'), 'Strategic Track to MSL Certification');
    await ui.choose(page, field(page, 'Status'), 'Complete: ready for the award');
    await ui.press(page, button(main(page), 'Filter'));
    const compliance = await rowOf(tableWith(page, 'Blocking'), story.plannerName);
    assert.equal(compliance.Status, 'Complete: ready for the award');
    assert.equal(compliance.Counted, '60');
    await audit(page, 'the compliance view, filtered');
    await shoot(page, 'compliance');
});

step('planner@ asks for the award and coordinator@ awards the certificate', async () => {
    const learner = people['planner@example.org'].page;
    await ui.follow(learner, navLink(learner, 'Your progress'));
    assert.match(await text(main(learner)), /Status\s*Complete: ready for the award/);
    await audit(learner, 'the dashboard of a complete track');
    await ui.press(learner, button(main(learner), 'Ask for your certificate'));
    assert.match(await text(notice(learner)), /sent to the State Library/);
    await audit(learner, 'the dashboard of a track sent for the award');

    const page = people['coordinator@example.org'].page;
    await ui.follow(page, navLink(page, 'Review and award'));
    const tracks = tableWith(page, 'Today');
    const waiting = await rowOf(tracks, story.plannerName);
    assert.equal(waiting.Today, 'Complete', 'nothing blocks the award today');
    await audit(page, 'the review page with a track to award');
    await shoot(page, 'review-award');
    await ui.press(page, button(tracks.getByRole('row').filter({ hasText: story.plannerName }), 'Award'));
    assert.equal(await text(heading(page)), 'Award this certificate?');
    assert.match(await text(main(page)), /An award is not undone/);
    await audit(page, 'the confirmation before the award');
    await ui.press(page, button(main(page), 'Award the certificate'));
    const awarded = await text(notice(page));
    const number = awarded.match(/CT-2027-\d{6}/);
    assert.ok(number, `the award names the certificate: "${awarded}"`);
    assert.match(awarded, new RegExp(story.plannerName));
    assert.match(awarded, new RegExp(DAY.nextTrack), 'and the day the next track starts');
    story.certificate = number[0];
    await audit(page, 'the review page after the award');
});

step('planner@ sees the certificate and the new track', async () => {
    await dayIs(DAY.nextTrack);
    const page = people['planner@example.org'].page;
    await ui.follow(page, navLink(page, 'Your progress'));
    const certificate = await rowOf(tableWith(page, 'Valid until'), story.certificate);
    assert.equal(certificate.Issued, DAY.awarded);
    assert.equal(certificate['Valid until'], '2031-03-15');
    assert.match(certificate.Program, /Strategic Track/);
    const summary = await text(main(page));
    assert.match(summary, /Program\s*Strategic Track to MSL Certification/);
    assert.match(summary, new RegExp(`Started\\s*${DAY.nextTrack}`), 'the new track started the day after');
    assert.match(summary, /Credits counted\s*0 of 60/);
    assert.match(summary, /Deadline\s*2031-03-16/);
    assert.match(summary, /No professional development plan has been submitted\./);
    assert.match(summary, /No activity counts toward this track yet\./,
        'what counted for the certificate does not count again');
    await audit(page, 'the dashboard after the award');
    await shoot(page, 'dashboard-new-track');
});

step("director@'s library page shows the plan serving the library's goal", async () => {
    const page = people['director@example.org'].page;
    await ui.follow(page, navLink(page, 'Your library'));
    assert.equal(await text(heading(page)), 'Your library');
    const alignment = await rowOf(tableWith(page, 'Whose'), 'Digital inclusion');
    assert.match(alignment.Whose, new RegExp(`${story.plannerName}: Run a digital skills help desk`));
    await audit(page, 'the library page');
    await shoot(page, 'library');
});

step('no console errors or failed resources anywhere in the story', async () => {
    for (const [email, { context }] of Object.entries(people)) {
        assert.deepEqual(context.problems, [], `${email}: no console errors or failed page resources`);
    }
});
