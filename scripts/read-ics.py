#!/usr/bin/env python3
"""Reads a calendar file with the `icalendar` package (an independent iCalendar parser, from PyPI) and prints its
events as JSON: what a calendar program would import. Used by domain/tests/calendar.rs."""
import json
import sys

import icalendar

with open(sys.argv[1], 'rb') as f:
    cal = icalendar.Calendar.from_ical(f.read())
events = []
for event in cal.walk('VEVENT'):
    events.append({
        'uid': str(event['UID']),
        'start': event.decoded('DTSTART').isoformat(),
        'end': event.decoded('DTEND').isoformat(),
        'summary': str(event['SUMMARY']),
        'description': str(event['DESCRIPTION']),
        'alarms': [str(a['TRIGGER'].to_ical().decode()) for a in event.walk('VALARM')],
    })
print(json.dumps({'name': str(cal.get('X-WR-CALNAME')), 'events': events}, ensure_ascii=False))
