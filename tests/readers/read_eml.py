#!/usr/bin/env python3
"""Reads an .eml file with Python's own e-mail parser under its strict policy (raising on
any defect), and prints what a mail program would show, as JSON: the headers decoded, the
raw Subject as written (to check its RFC 2047 encoding), the text body, and each attachment's
name, type and SHA-256. Used by the e-mail draft tests; not the library that wrote the file."""

import email
import email.policy
import hashlib
import json
import sys

with open(sys.argv[1], "rb") as f:
    raw = f.read()

# compat32 keeps the header as written; strict decodes and raises on defects.
written = email.message_from_bytes(raw, policy=email.policy.compat32)
message = email.message_from_bytes(raw, policy=email.policy.strict)

body = message.get_body(preferencelist=("plain",))
attachments = []
for part in message.iter_attachments():
    payload = part.get_payload(decode=True)
    attachments.append({
        "filename": part.get_filename(),
        "content_type": part.get_content_type(),
        "transfer_encoding": part.get("Content-Transfer-Encoding", ""),
        "sha256": hashlib.sha256(payload).hexdigest(),
        "size": len(payload),
    })

defects = [str(d) for part in message.walk() for d in part.defects]
print(json.dumps({
    "to": str(message["To"]),
    "from": str(message["From"]) if message["From"] else None,
    "subject": str(message["Subject"]),
    "subject_raw": written["Subject"],
    "x_unsent": message["X-Unsent"],
    "mime_version": message["MIME-Version"],
    "date": str(message["Date"]),
    "message_id": message["Message-ID"],
    "content_type": message.get_content_type(),
    "body": body.get_content() if body is not None else None,
    "body_charset": body.get_content_charset() if body is not None else None,
    "attachments": attachments,
    "defects": defects,
    "only_ascii": all(b < 128 for b in raw),
}, ensure_ascii=False))
