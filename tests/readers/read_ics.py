"""A strict RFC 5545 reader for the tests (ics-py, which dateutil's VTIMEZONE reader backs):
reads the calendar file named on the command line and prints what it read as JSON, or fails
with the reader's error. Nobody here wrote it, so it checks what Zayava writes."""
import json
import sys

from ics import Calendar

with open(sys.argv[1], encoding="utf-8", newline="") as f:
    calendar = Calendar(f.read())

events = []
for e in sorted(calendar.events, key=lambda e: (e.begin, e.name or "")):
    events.append({
        "uid": e.uid,
        "name": e.name,
        "begin": e.begin.isoformat(),
        "all_day": e.all_day,
        "alarms": [str(a.trigger) for a in e.alarms],
    })
print(json.dumps({"events": events}, ensure_ascii=False))
