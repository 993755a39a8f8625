#!/usr/bin/python3
"""A real SMTP server for the mail tests (Debian's python3-aiosmtpd), on loopback.

Usage: smtp_server.py DIR PORT

Listens on 127.0.0.1:PORT and keeps each message it receives, as received, in
DIR/NNNN.eml (its envelope recipients in DIR/NNNN.rcpt), then writes DIR/ready.
Runs until killed. Exits 77 when aiosmtpd is not installed (a test then skips).

A test may change how it answers while it runs, with files in DIR (read at each
message, one address a line, any case):
  DIR/refuse  the addresses refused at RCPT TO with "550 5.1.1 No such mailbox here"
  DIR/defer   the addresses put off at RCPT TO with "451 4.3.0 Try again later"
  DIR/slow    the addresses whose message is kept at once but answered 250 only after
              DIR/slow-seconds seconds (default 30): a sender killed meanwhile has sent a
              message it does not know was taken
"""
import asyncio
import os
import sys
import time

try:
    from aiosmtpd.controller import Controller
except ImportError:
    sys.exit(77)


def addresses(path):
    try:
        with open(path, encoding='utf-8') as listing:
            return {line.strip().lower() for line in listing if line.strip()}
    except FileNotFoundError:
        return set()


class Keep:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in addresses(os.path.join(self.directory, 'refuse')):
            return '550 5.1.1 No such mailbox here'
        if address.lower() in addresses(os.path.join(self.directory, 'defer')):
            return '451 4.3.0 Try again later'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, '%04d' % self.count)
        with open(base + '.tmp', 'wb') as out:
            out.write(envelope.original_content)
        with open(base + '.rcpt', 'w') as out:
            out.write('\n'.join(envelope.rcpt_tos) + '\n')
        os.rename(base + '.tmp', base + '.eml')
        slow = addresses(os.path.join(self.directory, 'slow'))
        if any(rcpt.lower() in slow for rcpt in envelope.rcpt_tos):
            seconds = addresses(os.path.join(self.directory, 'slow-seconds')) or {'30'}
            await asyncio.sleep(float(next(iter(seconds))))
        return '250 OK kept'


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    controller = Controller(Keep(directory), hostname='127.0.0.1', port=port)
    controller.start()
    with open(os.path.join(directory, 'ready'), 'w') as out:
        out.write('%d\n' % port)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == '__main__':
    main()
