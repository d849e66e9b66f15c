#!/usr/bin/env python3
"""A plain Python implementation of a few of Zayava's deadline rules, for the side-by-side
figure of `scripts/bench.sh`: the same JSON lines in, one JSON line out each, as
`zayava deadlines --batch` reads and writes them.

It carries its own working-day calendar (weekends, Belarus's fixed holidays, Radunitsa, the
transfers of crates/zayava-core/src/calendar/transfers.json) and answers the rules whose
period is N working days or N calendar days moved to the next working day, counted from one
event. That is a few rules, not the whole rulebook: Zayava answers every rule of the line,
this answers fewer, so the ratio it gives errs in Python's favour.

    python3 deadlines_reference.py RULEBOOK.json TRANSFERS.json < lines > answers
"""

import datetime as dt
import json
import sys

FIXED = {(1, 1), (1, 2), (1, 7), (3, 8), (5, 1), (5, 9), (7, 3), (11, 7), (12, 25)}


def orthodox_easter(year):
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = (d + e + 114) // 31, (d + e + 114) % 31 + 1
    return dt.date(year, month, day) + dt.timedelta(days=year // 100 - year // 400 - 2)


class Calendar:
    def __init__(self, transfers):
        self.off, self.on, self.radunitsa = set(), set(), {}
        for year in transfers:
            for move in year["moves"]:
                self.off.add(dt.date.fromisoformat(move["day_off"]))
                self.on.add(dt.date.fromisoformat(move["working_day"]))

    def working(self, day):
        if day in self.on:
            return True
        if day in self.off or day.weekday() >= 5 or (day.month, day.day) in FIXED:
            return False
        r = self.radunitsa.get(day.year)
        if r is None:
            r = self.radunitsa[day.year] = orthodox_easter(day.year) + dt.timedelta(days=9)
        return day != r

    def add_working_days(self, day, n):
        while n > 0:
            day += dt.timedelta(days=1)
            if self.working(day):
                n -= 1
        return day

    def on_or_after(self, day):
        while not self.working(day):
            day += dt.timedelta(days=1)
        return day


def main():
    book = json.load(open(sys.argv[1], encoding="utf-8"))
    cal = Calendar(json.load(open(sys.argv[2], encoding="utf-8")))
    # The rules this implementation knows: one event as the base, a plain period.
    rules = {}
    for service in book["services"]:
        known = []
        for rule in service["rules"]:
            period = rule["period"]
            if len(rule["from"]) == 1 and "event" in rule["from"][0] and not rule["from"][0].get("when") and isinstance(period, dict):
                kind = next(iter(period))
                if kind in ("working_days", "calendar_days"):
                    known.append((rule["id"], rule["from"][0]["event"], kind, period[kind], rule["clause"]))
        rules[service["id"]] = known
    out = sys.stdout
    for line in sys.stdin:
        try:
            query = json.loads(line)
            events = query.get("events", {})
            items = []
            for rule_id, event, kind, n, clause in rules.get(query["service"], ()):
                at = events.get(event)
                if at is None:
                    continue
                base = dt.date.fromisoformat(at[:10])
                if kind == "working_days":
                    due = cal.add_working_days(base, n)
                else:
                    due = cal.on_or_after(base + dt.timedelta(days=n))
                items.append({"rule": rule_id, "due": due.isoformat(), "clause": clause})
            out.write(json.dumps({"service": query["service"], "items": items}, ensure_ascii=False) + "\n")
        except (ValueError, KeyError, TypeError) as e:
            out.write(json.dumps({"error": {"code": "malformed_input", "message": str(e)}}) + "\n")


main()
