// The learner's Professional Development Plan in a real browser, on a fresh demo
// database: planner@ writes a plan in the one-form editor (what is typed survives "Add a
// goal" and "Add an item", a refused item marks its field and keeps the rest), removes a
// goal, submits the plan and reads it in full; director@ is asked to confirm before
// signing it for the library. PLAN_INPUT=keyboard (the default: Tab, arrows, typing,
// Enter) or mouse. Every state is checked with axe-core (WCAG 2.1 A/AA) at 1280 and 390
// pixels, without sideways scrolling, and kept as screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
    DESKTOP, PASSWORD, PHONE, Server, checkPage, demoDatabase, ensureScreenshotDirectory,
    launchBrowser, newContext, signIn, signInWithKeyboard, tabTo, tearDown, workDirectory,
} from './support.mjs';

const INPUT = process.env.PLAN_INPUT || 'keyboard';
assert.ok(['keyboard', 'mouse'].includes(INPUT), `PLAN_INPUT must be keyboard or mouse, not ${INPUT}`);
const DAY = '2026-06-15';

const work = workDirectory();
let server = null;
let browser = null;
let db = '';

async function navigating(page, action) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
}

const keyboard = {
    async type(page, field, text) {
        await tabTo(page, field);
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type(text);
    },
    async choose(page, select, label) {
        await tabTo(page, select);
        const { current, wanted } = await select.evaluate((element, text) => ({
            current: element.selectedIndex,
            wanted: [...element.options].findIndex((option) => option.text === text),
        }), label);
        assert.ok(wanted >= 0, `${select} has no option "${label}"`);
        for (let i = 0; i < Math.abs(wanted - current); i++) {
            await page.keyboard.press(wanted > current ? 'ArrowDown' : 'ArrowUp');
        }
    },
    async press(page, button) {
        await tabTo(page, button);
        await navigating(page, () => page.keyboard.press('Enter'));
    },
    async signIn(page, base, email) {
        await signInWithKeyboard(page, base, email, PASSWORD);
    },
};

const mouse = {
    async type(page, field, text) {
        await field.fill(text);
    },
    async choose(page, select, label) {
        await select.selectOption({ label });
    },
    async press(page, button) {
        await navigating(page, () => button.click());
    },
    async signIn(page, base, email) {
        await signIn(page, base, email, PASSWORD);
    },
};

const ui = INPUT === 'keyboard' ? keyboard : mouse;
const main = (page) => page.getByRole('main');
const field = (page, label) => main(page).getByLabel(label, { exact: true });
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

// axe and no sideways scrolling at both widths, with screenshots.
async function bothWidths(page, name) {
    await checkPage(page, `plan-${INPUT}`, name, 'desktop');
    await page.setViewportSize(PHONE);
    try {
        await checkPage(page, `plan-${INPUT}`, name, 'phone');
    } finally {
        await page.setViewportSize(DESKTOP);
    }
}

let broken = null;
function step(name, body) {
    test(name, { timeout: 120000 }, async (t) => {
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

const pages = {};
async function person(email) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.base}/login`);
    await ui.signIn(page, server.base, email);
    pages[email] = page;
    return page;
}

function nameOf(email) {
    return execFileSync('sqlite3', [db, `SELECT name FROM people WHERE email = '${email}'`],
        { encoding: 'utf8' }).trim();
}

before(async () => {
    ensureScreenshotDirectory();
    db = await demoDatabase(work.path, DAY);
    server = new Server(work.path, db);
    await server.start(DAY);
    browser = await launchBrowser();
}, { timeout: 60000 });

after(async () => {
    await tearDown(browser, server, work);
}, { timeout: 30000 });

const GAPS = 'Helping patrons with phones and online forms';
const OPTIONS = 'Digital navigator courses; visits to two libraries';

step('what is typed survives "Add a goal"', async () => {
    const page = await person('planner@example.org');
    await page.goto(`${server.base}/plan`);
    await ui.press(page, button(main(page), 'Start your plan'));
    await bothWidths(page, 'an empty draft');
    // Typed, never saved with "Save the draft": the goal's button saves it.
    await ui.type(page, field(page, 'Gaps in skills or knowledge'), GAPS);
    await ui.choose(page, field(page, 'The library goal it serves'), 'G2 Digital inclusion');
    await ui.type(page, field(page, 'Your goal'), 'Run a digital skills help desk');
    await ui.type(page, field(page, 'Desired outcomes'), 'Weekly drop-in hours');
    await ui.press(page, button(main(page), 'Add a goal'));
    assert.equal(await field(page, 'Gaps in skills or knowledge').inputValue(), GAPS);
    assert.equal(await field(page, 'Goal 1: your goal').inputValue(), 'Run a digital skills help desk');
    assert.equal(await field(page, 'Your goal').inputValue(), '', 'the new goal row is empty again');

    await ui.type(page, field(page, 'Options for learning you researched'), OPTIONS);
    await ui.choose(page, field(page, 'The library goal it serves'), 'G1 Early literacy');
    await ui.type(page, field(page, 'Your goal'), 'A second goal to remove');
    await ui.press(page, button(main(page), 'Add a goal'));
    assert.equal(await field(page, 'Options for learning you researched').inputValue(), OPTIONS);
    assert.equal(await field(page, 'Goal 2: your goal').inputValue(), 'A second goal to remove');
    await bothWidths(page, 'a draft with two goals');
});

step('what is typed survives "Add an item", also when the item is refused', async () => {
    const page = pages['planner@example.org'];
    await ui.type(page, field(page, 'Goal 1: desired outcomes'), 'Three afternoons a week');
    await ui.choose(page, field(page, 'Kind'), 'Self-directed learning');
    await ui.type(page, field(page, 'Short name (self-directed claims name it)'), 'sd-reading');
    await ui.type(page, field(page, 'Description'), 'Read about digital navigator programs');
    await ui.press(page, button(main(page), 'Add an item'));
    assert.match(await text(main(page)), /Nothing was saved/);
    assert.match(await text(main(page)), /Say how many hours of self-directed learning you plan/);
    assert.equal(await field(page, 'Goal 1: desired outcomes').inputValue(), 'Three afternoons a week',
        'the edit typed is kept when the save is refused');
    assert.equal(await field(page, 'Description').inputValue(), 'Read about digital navigator programs');
    await bothWidths(page, 'a refused item');

    await ui.type(page, field(page, 'Planned hours'), '12');
    await ui.press(page, button(main(page), 'Add an item'));
    assert.equal(await field(page, 'Activity 1: short name').inputValue(), 'sd-reading');
    assert.equal(await field(page, 'Activity 1: planned hours').inputValue(), '12');
    assert.equal(await field(page, 'Goal 1: desired outcomes').inputValue(), 'Three afternoons a week');
    assert.equal(await field(page, 'Gaps in skills or knowledge').inputValue(), GAPS);
});

step('a goal is removed from the draft', async () => {
    const page = pages['planner@example.org'];
    await ui.press(page, button(main(page), 'Remove goal 2'));
    assert.equal(await field(page, 'Goal 2: your goal').count(), 0, 'goal 2 is gone');
    assert.equal(await field(page, 'Goal 1: your goal').inputValue(), 'Run a digital skills help desk');
    await bothWidths(page, 'the draft after removing a goal');
});

step('the submitted plan is read in full, and the button says who signs next', async () => {
    const page = pages['planner@example.org'];
    const director = nameOf('director@example.org');
    assert.match(await text(main(page)), new RegExp(`sends it to ${director}`));
    await ui.press(page, button(main(page), 'Submit this version'));
    const shown = await text(main(page));
    assert.match(shown, new RegExp(`${director}'s for the library\\. ${director} can already sign it`));
    const version = main(page).getByRole('region', { name: 'Version 1' });
    const full = await text(version);
    for (const part of [GAPS, OPTIONS, 'Run a digital skills help desk', 'G2 Digital inclusion',
        'Three afternoons a week', 'Read about digital navigator programs', '12 hours', 'sd-reading',
        `Submitted ${DAY}`]) {
        assert.ok(full.includes(part), `the version shows "${part}": ${full}`);
    }
    assert.ok(!full.includes('A second goal to remove'), 'the removed goal is not in the plan');
    await bothWidths(page, 'a submitted plan read in full');
});

step('signing for the library asks first, on a page of its own', async () => {
    const page = await person('director@example.org');
    await page.goto(`${server.base}/plans`);
    const plan = main(page).getByRole('region', { name: new RegExp(`^${nameOf('planner@example.org')}, version 1`) });
    assert.match(await text(plan), /12 hours/);
    await ui.press(page, button(plan, 'Sign for the library'));
    assert.equal(await text(main(page).getByRole('heading', { level: 1 })), 'Sign this plan for the library?');
    assert.match(await text(main(page)), /has not signed it yet/);
    await bothWidths(page, 'the confirmation before signing');
    await ui.press(page, button(main(page), 'Yes, sign for the library'));
    assert.match(await text(main(page).getByRole('status')), /sign/i);
    assert.match(execFileSync('sqlite3', [db, 'SELECT organization_approved FROM plan_versions'],
        { encoding: 'utf8' }), new RegExp(DAY));
});

step('no console errors or failed resources', async () => {
    for (const [email, page] of Object.entries(pages)) {
        assert.deepEqual(page.context().problems, [], `${email}: no console errors`);
    }
});
