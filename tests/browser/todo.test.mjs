// What waits for you, in Chromium on a fresh demo database: planner@ submits a plan (through
// the API, with a token made on the /tokens page); director@'s home page shows it waiting
// to be signed and the count beside "Plans to sign" in the navigation ("Plans to sign
// (1)", read as "Plans to sign, 1 waiting"); director@ follows the item to the plans page
// and signs it there, and back home the count and the item are gone. Then the home page of
// the coordinator, the consultant, the director and a learner each passes axe-core's WCAG
// 2.1 A/AA rules at 1280 and 390 pixels, without sideways scrolling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
    DESKTOP, PASSWORD, PHONE, checkAccessible, demoSite, horizontalOverflow, newContext,
    screenshots, signIn,
} from './support.mjs';

const TODAY = '2026-06-15';

const site = demoSite(TODAY, { timeout: 120000 });
let plannerName = '';

const main = (page) => page.getByRole('main');
const waiting = (page) => main(page).getByRole('region', { name: 'What waits for you' });
const navigation = (page) => page.getByRole('navigation', { name: 'Main' });

async function text(locator) {
    return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

// A personal API token, made on the /tokens page as a person makes one.
async function tokenOf(page) {
    await page.goto(`${site.base}/tokens`);
    await page.getByLabel('Name of a new token').fill('todo-test');
    await page.getByRole('button', { name: 'Create a token' }).click();
    await page.waitForLoadState();
    const token = (await main(page).locator('code').first().innerText()).trim();
    assert.match(token, /^ct_[0-9a-f]+$/, 'the new token is shown once');
    return token;
}

async function api(token, method, path, body) {
    const answer = await fetch(`${site.base}/api/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await answer.json();
    assert.ok(answer.ok, `${method} ${path}: ${answer.status} ${JSON.stringify(json)}`);
    return json;
}

// planner@ writes version 1 of a plan with one goal, submits it and signs it as the
// learner: it then waits for the library's signature.
async function submitPlan(page) {
    const token = await tokenOf(page);
    plannerName = (await api(token, 'GET', '/me')).name;
    const plan = await api(token, 'GET', '/me/plan');
    await api(token, 'POST', '/me/plan/versions');
    await api(token, 'POST', '/me/plan/goals', {
        library_goal: plan.library_goals[0].id, goal: 'Run a family reading hour',
        outcomes: 'Twelve families a month',
    });
    await api(token, 'POST', '/me/plan/submit');
    await api(token, 'POST', '/me/plan/sign');
}

// The navigation's link whose accessible name (what a screen reader reads: the label,
// and the count in words when something waits) is exactly name.
function navLink(page, name) {
    return navigation(page).getByRole('link', { name, exact: true });
}

test("the director's home shows the plan waiting, counted in the navigation, until it is signed",
    { timeout: 180000 }, async () => {
        const plannerContext = await newContext(site.browser);
        const context = await newContext(site.browser);
        try {
            const plannerPage = await plannerContext.newPage();
            await signIn(plannerPage, site.base, 'planner@example.org', PASSWORD);
            await submitPlan(plannerPage);

            const page = await context.newPage();
            await signIn(page, site.base, 'director@example.org', PASSWORD);
            assert.equal(new URL(page.url()).pathname, '/', 'director@ lands on the home page');
            const section = waiting(page);
            assert.equal(await section.getByRole('heading', { level: 2 }).innerText(),
                'What waits for you');
            const heading = section.getByRole('heading', { name: 'Plans to sign (1)', level: 3 });
            assert.equal(await heading.count(), 1, 'the queue of plans to sign, with its count');
            const item = section.getByRole('link', { name: `${plannerName}'s plan, version 1` });
            assert.equal(await item.getAttribute('href'), '/plans');
            assert.match(await text(item.locator('xpath=..')), /submitted 2026-06-15/);

            const counted = navLink(page, 'Plans to sign, 1 waiting');
            assert.equal(await counted.count(), 1, 'the link is read as "Plans to sign, 1 waiting"');
            assert.equal((await counted.locator('.nav-count').innerText()).trim(), '(1)',
                'and seen as "Plans to sign (1)"');
            assert.equal(await navLink(page, 'Plans to sign').count(), 0);
            await page.screenshot({ path: join(screenshots, 'todo-director-plan-waiting.png'),
                fullPage: true });
            await checkAccessible(page, 'the director\'s home with a plan waiting at 1280 px');

            // Where it is done: the plans page, signed there.
            await Promise.all([page.waitForURL(`${site.base}/plans`), item.click()]);
            const plan = main(page).getByRole('region', { name: `${plannerName}, version 1` });
            await plan.getByRole('button', { name: 'Sign for the library' }).click();
            await page.waitForLoadState();
            await page.getByRole('button', { name: 'Yes, sign for the library' }).click();
            await page.waitForLoadState();
            assert.match(await text(main(page)), /No plan waits for your signature\./);

            await Promise.all([page.waitForURL(`${site.base}/`),
                navigation(page).getByRole('link', { name: /^Your progress/ }).click()]);
            assert.equal(await navLink(page, 'Plans to sign').count(), 1,
                'no count once nothing waits');
            assert.equal(await navLink(page, 'Plans to sign').locator('.nav-count').count(), 0);
            assert.equal(await waiting(page).getByRole('heading', { name: /^Plans to sign/ }).count(),
                0, 'the queue is gone');
            assert.equal(await waiting(page).getByRole('link', {
                name: `${plannerName}'s plan, version 1`,
            }).count(), 0, 'and its item');
            assert.deepEqual([...plannerContext.problems, ...context.problems], [],
                'no console errors or failed resources');
        } finally {
            await plannerContext.close();
            await context.close();
        }
    });

const HOMES = [
    ['coordinator@example.org', /Tracks sent for the award \(\d+\)/],
    ['consultant@example.org', /Libraries whose director is at risk \(\d+\)/],
    ['director@example.org', /Claims to verify \(\d+\)/],
    ['staff@example.org', /Your next step/],
];

test('every role\'s home passes axe at 1280 and 390 px and does not scroll sideways', { timeout: 240000 },
    async () => {
        for (const [email, queue] of HOMES) {
            for (const viewport of [DESKTOP, PHONE]) {
                const context = await newContext(site.browser, { viewport });
                try {
                    const page = await context.newPage();
                    await signIn(page, site.base, email, PASSWORD);
                    assert.equal(new URL(page.url()).pathname, '/', `${email} lands home`);
                    const section = waiting(page);
                    assert.equal(await section.count(), 1, `${email}: what waits comes first`);
                    assert.match(await text(section), queue, `${email}: their queue`);
                    assert.doesNotMatch(await text(main(page)), /You are not enrolled/);
                    const who = email.split('@')[0];
                    await checkAccessible(page, `${who}'s home at ${viewport.width} px`);
                    assert.equal(await horizontalOverflow(page), 0,
                        `${who}'s home does not scroll sideways at ${viewport.width} px`);
                    await page.screenshot({
                        path: join(screenshots, `todo-home-${who}-${viewport.width}.png`),
                        fullPage: true,
                    });
                    assert.deepEqual(context.problems, [], `${email}: no console errors`);
                } finally {
                    await context.close();
                }
            }
        }
    });
