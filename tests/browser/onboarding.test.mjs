// A State Library's program started from nothing, in a real browser (Debian's chromium,
// driven by playwright-core): `certtrack init` with no demonstration data, a real SMTP
// server (python3-aiosmtpd, started here) as the mail relay and a real OpenID Connect
// provider (glewlwyd, started here).
//
//   The first coordinator is made on the command line and follows the link that arrived
//   by mail; sets a password and is signed in. They add a library, add its director
//   and invite them, and name them the library's director. The director follows their
//   mail, sets a password, adds two strategic-plan goals, and adds and invites a staff
//   member. The coordinator imports the staff member's prior certificate (a history
//   file, on the Imports page). The staff member follows their mail, sets a password,
//   chooses the Strategic Track after reading why they may (the imported certificate's
//   number), writes a plan serving a library goal and submits it. The staff member
//   forgets the password and resets it from the mailed link; then signs in through the
//   OpenID Connect provider's own page.
//
// Every certtrack page the story shows passes axe-core's WCAG 2.1 A/AA rules at 1280 and
// 390 pixels wide, and does not scroll sideways at 390. Skips, saying why, when
// python3-aiosmtpd is not installed; the OpenID Connect step alone skips without glewlwyd.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Mailbox, freePort, smtpUnavailable } from './mailbox.mjs';
import { config, configureOidc, signInAtProvider, startProvider } from './oidc-provider.mjs';
import {
    DESKTOP, PHONE, Server, checkAccessible, exe, horizontalOverflow, launchBrowser, newContext,
    root, workDirectory,
} from './support.mjs';

// The real day: the links' expiry runs on the real clock, and the pages' day with it.
const TODAY = new Date().toISOString().slice(0, 10);
const LABEL = 'Montana Login';
const LIBRARY = { name: 'Prairie Public Library', city: 'Glasgow', externalId: 'MT-0777' };
const COORDINATOR = { name: 'Casey Coordinator', email: 'casey@example.gov', password: 'Casey-first-pass-91' };
const DIRECTOR = { name: 'Dana Director', email: 'dana@example.org', password: 'Dana-first-pass-92' };
// The provider's verified user of this address (tests/e2e/glewlwyd_provider.py).
const STAFF = {
    name: 'Sam Staff', email: 'staff@example.org', password: 'Sam-first-pass-93',
    newPassword: 'Sam-second-pass-94',
};
const CERTIFICATE = 'CT-2022-004711';
const GOALS = [['G1', 'Early literacy'], ['G2', 'Digital inclusion']];

const work = workDirectory();
const programs = join(root, 'programs');
let db = '';
let server = null;
let browser = null;
let mailbox = null;
let provider = null; // glewlwyd_provider.py's description, or { skip }
const why = smtpUnavailable();
const contexts = [];
const story = {}; // what the story learns on the way: the library's and people's ids
const visited = [];
const paths = { invitation: 'not reached' };

function certtrack(...args) {
    return execFileSync(exe, [...args, '--db', db, '--programs', programs], { encoding: 'utf8' });
}

before(async () => {
    if (why) {
        return;
    }
    db = join(work.path, 'ct.db');
    const base = `http://127.0.0.1:${await freePort()}`;
    certtrack('init', '--public-url', base);
    mailbox = new Mailbox(work.path);
    await mailbox.start();
    config(db, 'mail-relay', `smtp://127.0.0.1:${mailbox.port}`);
    config(db, 'mail-starttls', 'optional');
    config(db, 'mail-from', 'certtrack@example.gov');
    config(db, 'public-url', base);
    provider = await startProvider(work.path, `${base}/login/oidc/callback`);
    if (!provider.skip) {
        configureOidc(db, base, work.path, provider, LABEL);
    }
    process.env.CERTTRACK_MAIL_INTERVAL = '1';
    server = new Server(work.path, db);
    server.base = base;
    await server.start(TODAY);
    browser = await launchBrowser();
}, { timeout: 120000 });

after(async () => {
    try {
        await browser?.close();
    } finally {
        try {
            await provider?.stop?.();
            await mailbox?.stop();
            await server?.stop();
        } finally {
            work.remove();
        }
    }
    console.log(`the invitations went through: ${paths.invitation}`);
    console.log(`${visited.length} certtrack pages passed axe at 1280 and 390 px, ` +
        `none scrolling sideways at 390: ${visited.join(', ')}`);
}, { timeout: 60000 });

// ---- what a step looks at ----

const main = (page) => page.getByRole('main');
const heading = (page) => main(page).getByRole('heading', { level: 1 });
const button = (scope, name) => scope.getByRole('button', { name, exact: true });
// A form field by its label, which a required field's marks with an asterisk.
const escaped = (words) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const field = (scope, label) => scope.getByLabel(new RegExp(`^${escaped(label)}( \\*)?$`));

// Ticks a USWDS checkbox (its input is drawn by its label, which takes the click),
// unless it is ticked already: the invitation's box is ticked by default.
async function tick(page, box) {
    if (!(await box.isChecked())) {
        await page.locator(`label[for="${await box.getAttribute('id')}"]`).click();
    }
    assert.ok(await box.isChecked(), `${box} is ticked`);
}

async function text(locator) {
    return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

// Checks the page as it is now: axe at 1280 and at 390 px, and no sideways scrolling at
// 390 px; then back to 1280.
async function check(page, name) {
    assert.equal(new URL(page.url()).origin, server.base, `${name} is certtrack's page`);
    try {
        await checkAccessible(page, `${name} at ${DESKTOP.width} px`);
        await page.setViewportSize(PHONE);
        await checkAccessible(page, `${name} at ${PHONE.width} px`);
        const pixels = await horizontalOverflow(page);
        assert.equal(pixels, 0, `${name} scrolls ${pixels}px sideways at ${PHONE.width} px`);
    } finally {
        await page.setViewportSize(DESKTOP);
    }
    visited.push(`${name} (${new URL(page.url()).pathname})`);
}

// Waits for the document that the click makes the browser load.
async function press(page, locator) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

async function browse(page, path, name) {
    await page.goto(`${server.base}${path}`);
    assert.equal(new URL(page.url()).pathname, path, `${path} opened (not ${page.url()})`);
    await check(page, name);
}

async function newPage() {
    const context = await newContext(browser);
    contexts.push(context);
    return context.newPage();
}

// Follows the link of the next mail to person and chooses password on the form it opens.
async function followMail(person, subject, passwordLabel, password) {
    const mail = await mailbox.next(person.email);
    assert.match(mail.subject, subject);
    assert.ok(mail.link.startsWith(`${server.base}/account/password?token=`),
        `the mail carries a link to the password form: ${mail.link}`);
    const page = await newPage();
    await page.goto(mail.link);
    await check(page, `the password form of ${person.name}`);
    await field(page, passwordLabel).fill(password);
    await field(page, 'The same password again').fill(password);
    await press(page, button(page, 'Save the password and sign in'));
    assert.equal(page.url(), `${server.base}/`, `${person.name} is signed in`);
    await check(page, `the first page of ${person.name}`);
    return page;
}

function idIn(url, pattern) {
    const found = new URL(url).pathname.match(pattern);
    assert.ok(found, `${url} names the record (${pattern})`);
    return Number(found[1]);
}

// Adds a person on /people/new (by the coordinator or the library's administrator), with
// the invitation when the page offers it; answers the person's id.
async function addPerson(page, person, roles) {
    await browse(page, '/people/new', `adding ${person.name}`);
    await field(page, 'Name').fill(person.name);
    await field(page, 'E-mail address').fill(person.email);
    const library = field(page, 'Library'); // the coordinator's choice; a director's is theirs
    if (await library.count() === 1) {
        await library.selectOption({ label: LIBRARY.name });
    }
    await field(page, 'Position at the library').selectOption('staff');
    for (const role of roles) {
        await tick(page, field(page, role));
        await field(page, `${role}: the day the role began`).fill(TODAY);
    }
    const invite = field(page, 'Send an invitation');
    const invitedByForm = await invite.count() === 1;
    if (invitedByForm) {
        await tick(page, invite);
    }
    await press(page, button(page, 'Add the person'));
    const id = idIn(page.url(), /^\/people\/(\d+)$/);
    assert.match(await text(main(page)), new RegExp(person.name));
    await check(page, `the page of ${person.name} just added`);
    return { id, invitedByForm };
}

// Invites the person, unless the form that added them did: the button of the person's
// page when it has one, else the JSON API with the coordinator's token.
async function invite(page, person, added) {
    if (added.invitedByForm) {
        paths.invitation = 'the "Send an invitation" checkbox of /people/new';
        return;
    }
    await page.goto(`${server.base}/people/${added.id}`);
    const pageButton = button(main(page), 'Send an invitation');
    if (await pageButton.count() === 1) {
        await press(page, pageButton);
        assert.match(await text(main(page)), /invitation/i);
        await check(page, `the page of ${person.name} after the invitation`);
        paths.invitation = 'the "Send an invitation" button of /people/{id}';
        return;
    }
    paths.invitation = 'POST /api/v1/people/{id}/invitation (the pages have no invitation yet)';
    const answer = await story.coordinator.request.post(
        `${server.base}/api/v1/people/${added.id}/invitation`,
        { headers: { Authorization: `Bearer ${await coordinatorToken()}` } });
    assert.equal(answer.status(), 201, await answer.text());
}

// A token of the coordinator's, made once on /tokens.
async function coordinatorToken() {
    if (story.token === undefined) {
        const page = story.coordinator;
        await browse(page, '/tokens', 'the API tokens');
        await field(page, 'Name of a new token').fill('onboarding');
        await press(page, button(page, 'Create a token'));
        story.token = (await main(page).locator('code').first().innerText()).trim();
        assert.match(story.token, /^ct_/);
        await check(page, 'the API tokens with the new one');
    }
    return story.token;
}

// Each step builds on the one before: after a failure the rest are skipped, not failed
// again for the same reason.
let broken = null;
function step(name, body) {
    test(name, { timeout: 90000 }, async (t) => {
        if (why) {
            t.skip(why);
            return;
        }
        if (broken !== null) {
            t.skip(`an earlier step failed: ${broken}`);
            return;
        }
        try {
            await body(t);
        } catch (error) {
            broken = name;
            throw error;
        }
    });
}

// ---- the story ----

step('the first coordinator, made on the command line, follows the mailed link', async () => {
    const printed = certtrack('user', 'add', '--email', COORDINATOR.email, '--name', COORDINATOR.name,
        '--role', 'ce-coordinator');
    assert.match(printed, /\/account\/password\?token=/);
    const anonymous = await newPage();
    await browse(anonymous, '/login', 'the sign-in page');
    story.coordinator = await followMail(COORDINATOR, /account/i, 'Password', COORDINATOR.password);
});

step('the coordinator adds a library, and its director, invited', async () => {
    const page = story.coordinator;
    await browse(page, '/libraries/new', 'adding a library');
    await field(page, 'Name').fill(LIBRARY.name);
    await field(page, 'City').fill(LIBRARY.city);
    await field(page, 'Kind').selectOption('public');
    await field(page, 'External id').fill(LIBRARY.externalId);
    await press(page, button(page, 'Add the library'));
    story.library = idIn(page.url(), /^\/libraries\/(\d+)$/);
    assert.match(await text(main(page)), new RegExp(LIBRARY.name));
    await check(page, 'the new library');

    const added = await addPerson(page, DIRECTOR, ['Learner', 'Supervisor', 'Library administrator']);
    story.director = added.id;
    await invite(page, DIRECTOR, added);
});

step('the coordinator names the director on the library\'s page', async () => {
    const page = story.coordinator;
    await browse(page, `/libraries/${story.library}`, 'the library\'s page');
    await field(page, 'Director (a staff member)').selectOption({ label: DIRECTOR.name });
    await press(page, button(page, 'Save the officers'));
    assert.equal(await field(page, 'Director (a staff member)').inputValue(), String(story.director));
    await check(page, 'the library\'s page with its director');
});

step('the director sets a password from the mail and adds two strategic-plan goals', async () => {
    const page = await followMail(DIRECTOR, /account/i, 'Password', DIRECTOR.password);
    story.directorPage = page;
    await browse(page, '/library', 'the director\'s library page');
    await field(page, 'Title').fill('Strategic Plan 2026-2030');
    await field(page, 'Starts').fill('2026-01-01');
    await field(page, 'Ends').fill('2030-12-31');
    await press(page, button(page, 'Save the plan\'s period'));
    await check(page, 'the library page with its plan\'s period');
    for (const [code, title] of GOALS) {
        await page.goto(`${server.base}/library`);
        await field(page, 'Code').fill(code);
        await field(page, 'Goal').fill(title);
        await press(page, button(page, 'Add the goal'));
        await check(page, `the library page after goal ${code}`);
    }
    await page.goto(`${server.base}/library`);
    const goals = await text(main(page).getByRole('table', { name: 'Strategic plan goals' }));
    for (const [code, title] of GOALS) {
        assert.match(goals, new RegExp(`${code} ${title}`));
    }
});

step('the director adds a staff member, invited', async () => {
    const page = story.directorPage;
    const added = await addPerson(page, STAFF, ['Learner']);
    story.staff = added.id;
    await invite(page, STAFF, added);
});

step('the coordinator imports the staff member\'s prior certificate on the Imports page', async () => {
    const page = story.coordinator;
    await browse(page, '/imports', 'the imports');
    // USWDS's file input wraps the field in a drop zone, which names it in its own words.
    await main(page).locator('input[type=file]#file').setInputFiles({
        name: 'history.csv', mimeType: 'text/csv',
        buffer: Buffer.from('record,email,date,program,number\n' +
            `certificate,${STAFF.email},2022-05-20,msl-staff,${CERTIFICATE}\n`),
    });
    await press(page, button(page, 'Import the file'));
    assert.match(new URL(page.url()).pathname, /^\/imports\/\d+$/);
    assert.match(await text(main(page)), /created\D*1/i);
    await check(page, 'the import\'s record');
});

step('the staff member sets a password, chooses the Strategic Track seeing why, writes and submits a plan', async () => {
    const page = await followMail(STAFF, /account/i, 'Password', STAFF.password);
    story.staffPage = page;
    await browse(page, '/tracks/new', 'choosing a track');
    const strategic = main(page).locator('section').filter({
        has: page.getByRole('heading', { name: /Strategic Track/ }) });
    assert.match(await text(strategic), new RegExp(CERTIFICATE), 'the page names the imported certificate');
    await press(page, strategic.getByRole('button', { name: /^Choose/ }));
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(await text(main(page)), /Strategic Track/);
    await check(page, 'the dashboard with the Strategic Track');

    await browse(page, '/plan', 'the plan page');
    await press(page, button(main(page), 'Start your plan'));
    await check(page, 'the plan editor');
    await field(page, 'The library goal it serves').selectOption({ label: `${GOALS[0][0]} ${GOALS[0][1]}` });
    await field(page, 'Your goal').fill('Start a family reading hour');
    await field(page, 'Desired outcomes').fill('A weekly reading hour for parents and toddlers');
    await press(page, button(main(page), 'Add a goal'));
    assert.equal(await field(page, 'Goal 1: your goal').inputValue(), 'Start a family reading hour');
    await field(page, 'Kind').selectOption({ label: 'Training' });
    await field(page, 'Short name (self-directed claims name it)').fill('t-storytime');
    await field(page, 'Description').fill('Early Literacy Storytime Basics');
    await press(page, button(main(page), 'Add an item'));
    assert.equal(await field(page, 'Activity 1: short name').inputValue(), 't-storytime');
    await check(page, 'the plan editor with a goal and an item');
    await press(page, button(main(page), 'Submit this version'));
    assert.match(await text(main(page)), /submitted/);
    await check(page, 'the plan page of the submitted version');
});

step('the staff member forgets the password and resets it from the mailed link', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/login`);
    await press(page, page.getByRole('link', { name: 'Forgot your password?' }));
    await check(page, 'the form to ask for a link');
    await field(page, 'E-mail address').fill(STAFF.email);
    await press(page, button(page, 'Send the link'));
    await check(page, 'the answer to the request for a link');
    await page.context().close();
    const signedIn = await followMail(STAFF, /password/i, 'New password', STAFF.newPassword);
    assert.match(await text(main(signedIn)), /Strategic Track/);
    await story.staffPage.goto(`${server.base}/`);
    assert.equal(new URL(story.staffPage.url()).pathname, '/login', 'the older session ended');
});

step('the staff member signs in through the OpenID Connect provider', async (t) => {
    if (provider.skip) {
        t.skip(provider.skip);
        return;
    }
    // Its own context: glewlwyd's pages (another origin) have console errors of their own.
    const context = await newContext(browser);
    try {
        const page = await context.newPage();
        await page.goto(`${server.base}/login`);
        await check(page, 'the sign-in page with the provider');
        await signInAtProvider(page, server.base, LABEL, provider.users.staff);
        assert.equal(page.url(), `${server.base}/`);
        assert.match(await text(main(page)), /Strategic Track/);
        await check(page, 'the dashboard after the provider\'s sign-in');
        assert.deepEqual(context.problems.filter((problem) => problem.includes(server.base)), [],
            'no failed resources of certtrack\'s');
    } finally {
        await context.close();
    }
});

test('no console errors or failed page resources in the story', (t) => {
    if (why) {
        t.skip(why);
        return;
    }
    assert.deepEqual(contexts.flatMap((context) => context.problems), []);
});
