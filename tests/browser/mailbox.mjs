// A real SMTP server for the browser tests: Debian's python3-aiosmtpd through
// tests/e2e/smtp_server.py on a free loopback port, keeping each message it receives in
// a directory; the messages are read with tests/e2e/mail_read.py.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './support.mjs';

const PYTHON = '/usr/bin/python3';

// Why the SMTP server cannot run here, or null when it can.
export function smtpUnavailable() {
    try {
        execFileSync(PYTHON, ['-c', 'import aiosmtpd'], { stdio: 'ignore' });
        return null;
    } catch {
        return 'python3-aiosmtpd is not installed (scripts/install-deps test)';
    }
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.on('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The SMTP server, listening on 127.0.0.1:port, its messages in directory/box.
export class Mailbox {
    constructor(directory) {
        this.box = join(directory, 'box');
        this.child = null;
        this.port = 0;
        this.read = 0; // how many messages the test has taken
    }

    async start() {
        mkdirSync(this.box, { recursive: true });
        this.port = await freePort();
        this.child = spawn(PYTHON, [join(root, 'tests', 'e2e', 'smtp_server.py'), this.box,
            String(this.port)], { stdio: ['ignore', 'inherit', 'inherit'] });
        for (let tries = 0; tries < 100 && !existsSync(join(this.box, 'ready')); tries++) {
            if (this.child.exitCode !== null) {
                throw new Error(`smtp_server.py exited with ${this.child.exitCode}`);
            }
            await pause(100);
        }
        if (!existsSync(join(this.box, 'ready'))) {
            throw new Error('smtp_server.py did not start in 10 s');
        }
    }

    stop() {
        if (this.child === null || this.child.exitCode !== null) {
            return Promise.resolve();
        }
        const child = this.child;
        return new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill('SIGTERM');
        });
    }

    file(number) {
        return join(this.box, `${String(number).padStart(4, '0')}.eml`);
    }

    // The next message to arrive (up to timeout ms), as { to, subject, body, link }; it
    // must be addressed to `to`.
    async next(to, timeout = 20000) {
        const number = this.read + 1;
        const deadline = Date.now() + timeout;
        while (!existsSync(this.file(number))) {
            if (Date.now() > deadline) {
                throw new Error(`no message ${number} (for ${to}) arrived in ${timeout / 1000} s`);
            }
            await pause(100);
        }
        this.read = number;
        const file = this.file(number);
        const get = (what) => execFileSync(PYTHON, [join(root, 'tests', 'e2e', 'mail_read.py'),
            file, what], { encoding: 'utf8' });
        const recipients = readFileSync(file.replace(/\.eml$/, '.rcpt'), 'utf8').trim().split('\n');
        if (!recipients.includes(to)) {
            throw new Error(`message ${number} went to ${recipients.join(', ')}, not ${to}`);
        }
        return {
            to: recipients,
            subject: get('Subject').trim(),
            body: get('body'),
            link: get('link').trim(),
        };
    }
}
