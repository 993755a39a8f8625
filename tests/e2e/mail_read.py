#!/usr/bin/python3
"""Reads a message the test SMTP server kept: mail_read.py FILE WHAT

WHAT is a header's name (its decoded value is printed), "body" (the decoded text), or
"link" (the first https?:// address in the body)."""
import email
import email.policy
import re
import sys

with open(sys.argv[1], 'rb') as message_file:
    message = email.message_from_binary_file(message_file, policy=email.policy.default)
what = sys.argv[2]
if what == 'body':
    print(message.get_content(), end='')
elif what == 'link':
    found = re.search(r'https?://\S+', message.get_content())
    print(found.group(0) if found else '')
else:
    print(message.get(what, ''))
