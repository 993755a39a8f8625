#!/usr/bin/python3
"""Reads a message the test SMTP server kept: mail_read.py FILE WHAT

WHAT is a header's name (its decoded value is printed), "body" (the decoded plain text),
"html" (the decoded HTML alternative, empty when there is none), or "link" (the first
https?:// address in the plain text)."""
import email
import email.policy
import re
import sys

with open(sys.argv[1], 'rb') as message_file:
    message = email.message_from_binary_file(message_file, policy=email.policy.default)
what = sys.argv[2]
plain = message.get_body(preferencelist=('plain',))
text = plain.get_content() if plain is not None else ''
if what == 'body':
    print(text, end='')
elif what == 'html':
    html = message.get_body(preferencelist=('html',))
    print(html.get_content() if html is not None else '', end='')
elif what == 'link':
    found = re.search(r'https?://\S+', text)
    print(found.group(0) if found else '')
else:
    print(message.get(what, ''))
