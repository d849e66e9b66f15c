#!/usr/bin/env python3
"""Writes N deadline questions as JSON lines (`zayava deadlines --batch`), the same every
run: a random service, one to three of its events on days of 2024–2026, and both facts.

    python3 deadline_lines.py RULEBOOK.json N > lines
"""

import datetime as dt
import json
import random
import sys

book = json.load(open(sys.argv[1], encoding="utf-8"))
rng = random.Random(20261205)
start = dt.date(2024, 1, 1)
for _ in range(int(sys.argv[2])):
    service = rng.choice(book["services"])
    events = {}
    for event in rng.sample(service["events"], k=min(len(service["events"]), rng.randint(1, 3))):
        day = start + dt.timedelta(days=rng.randrange(3 * 365))
        events[event["id"]] = day.isoformat() if event["kind"] == "date" else f"{day.isoformat()}T{rng.randrange(24):02}:{rng.randrange(60):02}"
    facts = {"software_count": rng.randint(1, 40), "org_kind": rng.choice(["budget", "commercial"])}
    print(json.dumps({"service": service["id"], "events": events, "facts": facts}))
