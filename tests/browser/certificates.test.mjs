// Certificates anyone can check, from outside certtrack:
// - the npm package `jose` (an independent implementation) verifies the signed Open
//   Badges credential against the server's /.well-known/jwks.json, and rejects a copy
//   with one character of the payload changed;
// - as Open Badges 3.0's VC-JWT section asks: the header is alg RS256, typ JWT and a kid
//   that dereferences to the public key (which verifies the credential, and which the
//   issuer profile names); sub is credentialSubject.id, the holder's random urn:uuid;
// - the payload validates against 1EdTech's AchievementCredential JSON Schema (ajv,
//   draft 2019-09, with ajv-formats), read in place from ../shared/fixtures/ob3;
// - `certtrack verify` refuses a token signed with the issuer's own key whose iss, jti,
//   sub, nbf or exp disagrees with the credential;
// - the revocation status list, verified the same way and unpacked with Node's zlib,
//   has the revoked certificate's bit set and no other;
// - in Chromium, the public verify page of a valid, a revoked and an expired
//   certificate says so, and axe-core finds no WCAG 2.1 A/AA violation on it;
// - the holder downloads the PDF, the transcript and the credential from their own page;
// - the coordinator sets the public address on the settings page, a wrong one refused
//   at its field.
//
// Run by Meson (suite "browser") with CERTTRACK_EXE, CERTTRACK_SOURCE_ROOT and
// CERTTRACK_SCREENSHOTS (see support.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import {
    SignJWT, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify,
} from 'jose';
import {
    PASSWORD, Server, checkAccessible, demoDatabase, ensureScreenshotDirectory, exe,
    launchBrowser, newContext, root, screenshots, signIn, workDirectory,
} from './support.mjs';

const TODAY = '2026-06-15';
// 1EdTech's AchievementCredential JSON Schema, read in place (../shared beside the root).
const SCHEMA = join(root, '..', 'shared', 'fixtures', 'ob3',
    'ob_v3p0_achievementcredential_schema.json');
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LATER = '2031-01-01'; // after the new certificate's four years

const work = workDirectory();
let db = '';
let server = null;
let browser = null;
let base = '';
let awarded = null; // { number, url, code, id }
let revoked = null; // { number, code, id }

function certtrack(...args) {
    return execFileSync(exe, [...args, '--db', db, '--programs', join(root, 'programs')],
        { env: { ...process.env, CERTTRACK_TODAY: TODAY }, encoding: 'utf8' });
}

function sql(query) {
    return execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
}

before(async () => {
    db = await demoDatabase(work.path, TODAY);
    server = new Server(work.path, db);
    await server.start(TODAY);
    base = server.base;
    // The public address printed in QR codes and credentials is this test's server.
    certtrack('config', 'set', 'public-url', base);
    const award = certtrack('award', '--person', 'ready@example.org');
    const number = award.match(/^Certificate (\S+) issued/m)[1];
    const url = award.match(/^Verification URL: (\S+)$/m)[1];
    const [id, code, index] = sql('SELECT id, verification_code, status_index FROM certificates' +
        ` WHERE number = '${number}'`).split('|');
    awarded = { number, url, code, id: Number(id), index: Number(index) };
    assert.equal(url, `${base}/verify/${code}`);
    const [otherId, otherNumber, otherCode, otherIndex] = sql('SELECT id, number,' +
        ' verification_code, status_index FROM certificates WHERE revoked IS NULL AND number <> ' +
        `'${number}' ORDER BY id LIMIT 1`).split('|');
    certtrack('revoke', '--number', otherNumber, '--reason', 'Issued to the wrong person');
    revoked = { number: otherNumber, code: otherCode, id: Number(otherId), index: Number(otherIndex) };
    browser = await launchBrowser();
    ensureScreenshotDirectory();
});

after(async () => {
    await browser?.close();
    await server?.stop();
    work.remove();
});

function credentialFile() {
    const out = join(work.path, `${awarded.number}.jwt`);
    certtrack('certificate', 'credential', '--number', awarded.number, '--out', out);
    return readFileSync(out, 'utf8').trim();
}

// The token with one character of its decoded payload changed, signature kept.
function withOneCharacterChanged(jwt) {
    const [header, payload, signature] = jwt.split('.');
    const text = Buffer.from(payload, 'base64url').toString('utf8');
    const at = text.indexOf('"creditsEarned":') + '"creditsEarned":'.length;
    const digit = text[at] === '9' ? '8' : String(Number(text[at]) + 1);
    const changed = text.slice(0, at) + digit + text.slice(at + 1);
    assert.equal(changed.length, text.length);
    assert.notEqual(changed, text);
    return [header, Buffer.from(changed, 'utf8').toString('base64url'), signature].join('.');
}

test('jose verifies the credential against /.well-known/jwks.json and refuses a changed copy',
    async () => {
        const jwt = credentialFile();
        const keys = createRemoteJWKSet(new URL(`${base}/.well-known/jwks.json`));
        const { payload, protectedHeader } = await jwtVerify(jwt, keys, {
            algorithms: ['RS256'],
            issuer: `${base}/issuer`,
            typ: 'JWT',
            currentDate: new Date(`${TODAY}T12:00:00Z`),
        });
        assert.deepEqual(Object.keys(protectedHeader).sort(), ['alg', 'kid', 'typ'],
            'OB 3.0 allows no other JOSE header');
        assert.equal(protectedHeader.alg, 'RS256');
        assert.equal(protectedHeader.typ, 'JWT');
        assert.deepEqual(payload.type, ['VerifiableCredential', 'OpenBadgeCredential']);
        assert.deepEqual(payload['@context'], ['https://www.w3.org/ns/credentials/v2',
            'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
        assert.equal(payload.id, awarded.url);
        assert.equal(payload.jti, payload.id);
        assert.equal(payload.issuer.id, `${base}/issuer`);
        const subject = payload.credentialSubject;
        // The holder: their random subject id, the same as stored, and nothing personal.
        assert.match(subject.id, UUID_URN);
        assert.equal(payload.sub, subject.id);
        assert.equal(subject.id, `urn:uuid:${sql('SELECT subject_uuid FROM people WHERE' +
            " email = 'ready@example.org'")}`);
        assert.doesNotMatch(JSON.stringify(payload), /ready@example\.org/i);
        assert.equal(subject.achievement.achievementType, 'Certification');
        assert.equal(subject.achievement.name, 'Strategic Track to MSL Certification');
        assert.equal(subject.achievement.creditsAvailable, 60);
        assert.ok(subject.creditsEarned >= 60);
        assert.equal(subject.identifier[0].identityType, 'name');
        // The holder's e-mail address, hashed as Open Badges hashes an identity.
        const email = subject.identifier.find((item) => item.identityType === 'emailAddress');
        const expected = createHash('sha256').update(`ready@example.org${email.salt}`).digest('hex');
        assert.equal(email.identityHash, `sha256$${expected}`);
        assert.equal(email.hashed, true);
        assert.match(payload.validFrom, /^\d{4}-\d\d-\d\dT00:00:00Z$/);
        assert.equal(payload.credentialStatus.type, 'BitstringStatusListEntry');
        assert.equal(payload.credentialStatus.statusListIndex, String(awarded.index));
        const evidence = payload.evidence.map((item) => item.name);
        assert.ok(evidence.includes('Final report'), `evidence: ${evidence}`);
        assert.ok(evidence.includes('Professional Development Plan aligned to library goals'),
            `evidence: ${evidence}`);
        // The issuer's profile is where the credential says.
        const profile = await (await fetch(payload.issuer.id)).json();
        assert.equal(profile.name, payload.issuer.name);

        const changed = withOneCharacterChanged(jwt);
        assert.notEqual(decodeJwt(changed).credentialSubject.creditsEarned, subject.creditsEarned);
        await assert.rejects(jwtVerify(changed, keys, { algorithms: ['RS256'] }),
            (error) => error.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    });

test('the kid dereferences to the public key that verifies the credential, and /issuer names it',
    async () => {
        const jwt = credentialFile();
        const { kid } = decodeProtectedHeader(jwt);
        assert.ok(kid.startsWith(`${base}/keys/`), kid);
        // Dereferenced as OB 3.0 says and 1EdTech's validator does: the address answers a JWK.
        const answer = await fetch(kid);
        assert.equal(answer.status, 200);
        const jwk = await answer.json();
        assert.equal(jwk.kty, 'RSA');
        assert.equal(jwk.kid, kid);
        assert.equal(jwk.d, undefined, 'no private part');
        const { payload } = await jwtVerify(jwt, await importJWK(jwk, 'RS256'), {
            algorithms: ['RS256'], typ: 'JWT', issuer: `${base}/issuer`,
            subject: decodeJwt(jwt).credentialSubject.id,
            currentDate: new Date(`${TODAY}T12:00:00Z`),
        });
        assert.equal(payload.sub, payload.credentialSubject.id);
        const profile = await (await fetch(`${base}/issuer`)).json();
        assert.deepEqual(profile.verificationMethod, [
            { id: kid, type: 'JsonWebKey', controller: `${base}/issuer`, publicKeyJwk: jwk },
        ]);
        assert.deepEqual(profile.assertionMethod, [kid]);
        const set = await (await fetch(`${base}/.well-known/jwks.json`)).json();
        assert.deepEqual(set.keys, [jwk]);
        assert.equal((await fetch(`${base}/keys/another-key`)).status, 404);
    });

test('the payload validates against 1EdTech\'s AchievementCredential JSON Schema',
    { skip: existsSync(SCHEMA) ? false : `the shared fixture is absent (${SCHEMA})` },
    () => {
        const ajv = new Ajv2019({ allErrors: true, strictTuples: false });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
        const payload = decodeJwt(credentialFile());
        assert.ok(validate(payload), ajv.errorsText(validate.errors, { separator: '\n' }));
        // The schema does say no: without an issuer, or with an identity it does not know.
        const { issuer: _issuer, ...withoutIssuer } = payload;
        assert.equal(validate(withoutIssuer), false);
        const strange = structuredClone(payload);
        strange.credentialSubject.identifier[0].identityType = 'shoeSize';
        assert.equal(validate(strange), false);
    });

test('certtrack verify refuses a token signed with the issuer\'s key whose claims disagree',
    async () => {
        const jwt = credentialFile();
        const header = decodeProtectedHeader(jwt);
        const original = decodeJwt(jwt);
        const jwks = join(work.path, 'jwks.json');
        writeFileSync(jwks, await (await fetch(`${base}/.well-known/jwks.json`)).text());
        // The issuer's private key, read from its file beside the database (its key_ops,
        // which name verify too, left out: WebCrypto takes a private key to sign only).
        const { key_ops: _ops, ...privateJwk } =
            JSON.parse(readFileSync(`${db}.signing-key.jwk`, 'utf8'));
        const key = await importJWK(privateJwk, 'RS256');
        const verify = async (payload) => {
            const file = join(work.path, 'forged.jwt');
            writeFileSync(file, await new SignJWT(payload).setProtectedHeader(header).sign(key));
            return spawnSync(exe, ['verify', file, '--jwks', jwks, '--as-of', TODAY],
                { encoding: 'utf8' });
        };
        const same = await verify(original);
        assert.equal(same.status, 0, `signed again unchanged: ${same.stdout}${same.stderr}`);
        const changes = {
            iss: 'https://elsewhere.example/issuer',
            jti: `${base}/verify/SOMEONEELSE`,
            sub: 'urn:uuid:00000000-0000-4000-8000-000000000000',
            nbf: original.nbf - 86400,
            exp: original.exp + 86400,
        };
        for (const [claim, value] of Object.entries(changes)) {
            const run = await verify({ ...original, [claim]: value });
            assert.equal(run.status, 2, `${claim}: ${run.stdout}${run.stderr}`);
            assert.match(run.stderr, new RegExp(`not a credential: the JWT claim ${claim} `));
            const { [claim]: _dropped, ...without } = original;
            assert.equal((await verify(without)).status, 2, `${claim} left out`);
        }
    });

test('the status list, verified with jose, has the revoked certificate\'s bit and no other',
    async () => {
        const keys = createRemoteJWKSet(new URL(`${base}/.well-known/jwks.json`));
        const answer = await fetch(`${base}/status/revocation`);
        assert.equal(answer.status, 200);
        const { payload } = await jwtVerify((await answer.text()).trim(), keys,
            { algorithms: ['RS256'], issuer: undefined });
        assert.ok(payload.type.includes('BitstringStatusListCredential'));
        assert.equal(payload.credentialSubject.statusPurpose, 'revocation');
        const encoded = payload.credentialSubject.encodedList;
        assert.equal(encoded[0], 'u', 'multibase base64url');
        const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
        assert.ok(bits.length >= 16384, 'at least 16 KiB');
        const bit = (index) => (bits[index >> 3] >> (7 - (index & 7))) & 1;
        assert.equal(bit(revoked.index), 1, 'the revoked certificate');
        assert.equal(bit(awarded.index), 0, 'the valid certificate');
        const revokedIds = sql('SELECT status_index FROM certificates WHERE revoked IS NOT NULL')
            .split('\n').map(Number);
        let set = 0;
        for (let index = 0; index < bits.length * 8; index++) {
            set += bit(index);
        }
        assert.equal(set, revokedIds.length);
    });

async function verifyPage(context, code, name) {
    const page = await context.newPage();
    const answer = await page.goto(`${base}/verify/${code}`);
    assert.equal(answer.status(), 200);
    await checkAccessible(page, name);
    await page.screenshot({ path: join(screenshots, `${name.replace(/\W+/g, '-')}.png`),
        fullPage: true });
    const alert = (await page.locator('.usa-alert').first().innerText()).trim();
    const summary = await page.locator('dl.summary').innerText();
    await page.close();
    return { alert, summary };
}

test('the verify page says valid, revoked with the reason, and expired; axe passes on each',
    async () => {
        const context = await newContext(browser);
        try {
            let shown = await verifyPage(context, awarded.code, 'verify page, valid');
            assert.match(shown.alert, /^Valid: this certificate is valid until /);
            assert.match(shown.summary, /Dakota Bighorn|ready/i);
            assert.match(shown.summary, /Strategic Track to MSL Certification/);
            assert.match(shown.summary, new RegExp(awarded.number));

            shown = await verifyPage(context, revoked.code, 'verify page, revoked');
            assert.match(shown.alert, /^Revoked: this certificate is not valid/);
            assert.match(shown.summary, /Issued to the wrong person/);

            const page = await context.newPage();
            const missing = await page.goto(`${base}/verify/0000000000000000000000000000000Z`);
            assert.equal(missing.status(), 404);
            assert.match(await page.locator('.usa-alert').innerText(), /^Not found/);
            assert.doesNotMatch(await page.content(), /Dakota|CT-\d{4}/);
            await page.close();
            assert.deepEqual(context.problems, []);
        } finally {
            await context.close();
        }
        await server.restart(LATER);
        const later = await newContext(browser);
        try {
            const shown = await verifyPage(later, awarded.code, 'verify page, expired');
            assert.match(shown.alert, /^Expired: this certificate is no longer valid/);
            const json = await (await fetch(`${base}/verify/${awarded.code}`,
                { headers: { Accept: 'application/json' } })).json();
            assert.equal(json.status, 'expired');
            assert.deepEqual(later.problems, []);
        } finally {
            await later.close();
            await server.restart(TODAY);
        }
    });

test('the holder downloads the certificate PDF, the transcript and the credential from their page', async () => {
    const context = await newContext(browser);
    try {
        const page = await context.newPage();
        await signIn(page, base, 'ready@example.org', PASSWORD);
        const row = page.locator('tr', { hasText: awarded.number });
        const pdfLink = row.getByRole('link', { name: 'Certificate (PDF)' });
        const credentialLink = row.getByRole('link', { name: 'Open Badges credential' });
        const pdf = await context.request.get(`${base}${await pdfLink.getAttribute('href')}`);
        assert.equal(pdf.status(), 200);
        assert.equal(pdf.headers()['content-type'], 'application/pdf');
        assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
        const transcriptLink = row.getByRole('link', { name: 'Transcript (PDF)' });
        const transcript = await context.request.get(
            `${base}${await transcriptLink.getAttribute('href')}`);
        assert.equal(transcript.status(), 200);
        assert.equal((await transcript.body()).subarray(0, 5).toString(), '%PDF-');
        assert.match(transcript.headers()['content-disposition'], /-transcript\.pdf"$/);
        const credential = await context.request.get(
            `${base}${await credentialLink.getAttribute('href')}`);
        assert.equal(credential.status(), 200);
        assert.equal((await credential.text()).trim(), credentialFile(),
            'the page and the command line issue the same credential');
        await checkAccessible(page, 'dashboard with a certificate');
        await page.close();
        // Someone else's certificate is not there to be had.
        const other = await context.request.get(`${base}/certificates/${revoked.id}/certificate.pdf`);
        assert.equal(other.status(), 404);
        assert.deepEqual(context.problems, []);
    } finally {
        await context.close();
    }
});

test('the coordinator sets the public address (a wrong one refused at its field) and gets no PDF of a revoked certificate', async () => {
    const context = await newContext(browser);
    try {
        const page = await context.newPage();
        await signIn(page, base, 'coordinator@example.org', PASSWORD);
        await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true })
            .click();
        await page.waitForLoadState();
        const address = page.getByLabel('Public address');
        assert.equal(await address.inputValue(), base);
        await page.locator('main form').evaluate((form) => { form.noValidate = true; });
        await address.fill('ftp://certificates.example.gov');
        await page.getByRole('button', { name: 'Save the settings' }).click();
        await page.waitForLoadState();
        assert.match(await page.locator('#public_url-error').innerText(), /https:\/\//);
        assert.equal(await address.inputValue(), 'ftp://certificates.example.gov');
        await checkAccessible(page, 'settings, a wrong address refused');
        assert.equal(certtrack('config', 'get', 'public-url').trim(), base, 'nothing saved');
        await address.fill(`${base}/`);
        await page.getByLabel("Issuer's name").fill('Montana State Library');
        await page.getByRole('button', { name: 'Save the settings' }).click();
        await page.waitForLoadState();
        assert.match(await page.locator('.usa-alert').first().innerText(), /settings are saved/);
        assert.equal(certtrack('config', 'get', 'public-url').trim(), base);
        await checkAccessible(page, 'settings saved');
        // A revoked certificate's PDF and credential are no longer issued; its transcript,
        // which says it was revoked, is.
        const at = (file) => context.request.get(`${base}/certificates/${revoked.id}/${file}`);
        assert.equal((await at('certificate.pdf')).status(), 410);
        assert.equal((await at('credential.jwt')).status(), 410);
        assert.equal((await at('transcript.pdf')).status(), 200);
        await page.goto(`${base}/certificates/${revoked.id}`);
        const documents = page.locator('dl.summary');
        assert.equal(await documents.getByRole('link', { name: 'Transcript (PDF)' }).count(), 1);
        assert.equal(await documents.getByRole('link', { name: 'Certificate (PDF)' }).count(), 0);
        assert.deepEqual(context.problems, []);
    } finally {
        await context.close();
    }
});
