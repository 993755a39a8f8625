// A real OpenID Connect provider for the browser tests: Debian's glewlwyd, started
// through tests/e2e/glewlwyd_provider.py on a free loopback port in a directory of the
// test's own (its users are in that file), and certtrack's oidc-* settings pointing at
// it. Shared by oidc.test.mjs and onboarding.test.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { exe, root } from './support.mjs';

// Sets one certtrack setting in db.
export function config(db, name, value) {
    execFileSync(exe, ['config', 'set', name, value, '--db', db, '--programs', join(root, 'programs')]);
}

// Starts glewlwyd in directory/glewlwyd for certtrack's redirectUri. Answers what the
// provider printed (issuer, client_id, client_secret, users), or { skip: why } when
// glewlwyd is not installed; stop() ends it (it serves until its standard input closes).
export async function startProvider(directory, redirectUri) {
    const child = spawn('python3', [join(root, 'tests', 'e2e', 'glewlwyd_provider.py'),
        join(directory, 'glewlwyd'), redirectUri], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const described = await new Promise((resolve, reject) => {
        lines.once('line', (line) => resolve(JSON.parse(line)));
        child.once('exit', (code) => reject(new Error(`glewlwyd_provider.py exited with ${code}`)));
    });
    described.stop = () => {
        child.stdin.end();
        return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null
            ? resolve() : child.once('exit', resolve)));
    };
    return described;
}

// Points certtrack (db, served at base) at the provider, its button labelled label; the
// client secret goes to a file only the test's user may read.
export function configureOidc(db, base, directory, described, label) {
    const secretFile = join(directory, 'oidc-client-secret');
    writeFileSync(secretFile, `${described.client_secret}\n`, { mode: 0o600 });
    config(db, 'public-url', base);
    config(db, 'oidc-issuer', described.issuer);
    config(db, 'oidc-client-id', described.client_id);
    config(db, 'oidc-client-secret-file', secretFile);
    config(db, 'oidc-button-label', label);
}

// From certtrack's sign-in page through glewlwyd's own login and grant pages; answers
// when the browser is back at certtrack (base).
export async function signInAtProvider(page, base, label, user) {
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: `Sign in with ${label}` }).click();
    await page.waitForURL(/\/login\.html\?/);
    await page.locator('#username').fill(user.username);
    await page.locator('#password').fill(user.password);
    await page.locator('#loginbut').click();
    // The first sign-in asks the user to grant certtrack the scopes it asked for.
    await page.locator('#grant-email').check();
    await page.locator('#grant-profile').check();
    await page.getByRole('button', { name: 'Grant access' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === base);
}
