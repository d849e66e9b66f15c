"""Hooks for schemathesis (scripts/schemathesis.sh).

A file is uploaded under the SHA-256 of its bytes, a rule the schema cannot state: a
generated "valid" upload gets the hash of the body generated for it, so the positive cases
test acceptance rather than the checksum refusal (which the spec documents as 422).
"""
import hashlib

import schemathesis
from schemathesis import GenerationMode


@schemathesis.hook("map_case").apply_to(name="PUT /v1/attachments/{sha256}")
def sha256_of_body(ctx, case):
    if case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE:
        body = case.body.encode() if isinstance(case.body, str) else case.body
        if isinstance(body, (bytes, bytearray)):
            case.path_parameters = {**(case.path_parameters or {}), "sha256": hashlib.sha256(body).hexdigest()}
    return case
