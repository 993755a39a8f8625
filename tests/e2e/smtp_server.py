#!/usr/bin/python3
"""A real SMTP server for the mail tests (Debian's python3-aiosmtpd), on loopback.

Usage: smtp_server.py DIR PORT

Listens on 127.0.0.1:PORT and keeps each message it receives, as received, in
DIR/NNNN.eml (its envelope recipients in DIR/NNNN.rcpt), then writes DIR/ready.
Runs until killed. Exits 77 when aiosmtpd is not installed (a test then skips).
"""
import os
import sys
import time

try:
    from aiosmtpd.controller import Controller
except ImportError:
    sys.exit(77)


class Keep:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, '%04d' % self.count)
        with open(base + '.tmp', 'wb') as out:
            out.write(envelope.original_content)
        with open(base + '.rcpt', 'w') as out:
            out.write('\n'.join(envelope.rcpt_tos) + '\n')
        os.rename(base + '.tmp', base + '.eml')
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
