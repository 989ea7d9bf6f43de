#!/usr/bin/env python3
"""Generate a large, fictional Meeting Guide JSON feed for load tests.

Usage:
    python3 bench/generate_feed.py --count 120000 [--seed 1] > big.json

Writes one JSON array (one meeting object per line, like
content/meetings/sample-meetings.json) to standard output. Standard library
only and deterministic: the same --count and --seed give the same bytes.

Every place, phone number and link is made up: towns in "Sample County" (MN,
America/Chicago), "Sample East County" (NY, America/New_York) and "Sample West
County" (CA, America/Los_Angeles), postal codes 55990-55999 / 10990-10999 /
90990-90999, phone numbers in the 555-01xx range, example.org links.

The mix follows the sample file: all 18 fellowships (our "fellowship"
extension), Meeting Guide type codes with exactly one of O/C, some day arrays,
a few "by appointment" meetings (no day/time), in person / online (URL or
phone only) / hybrid / temporarily closed meetings, a few unknown codes
(XYZ, NEWCOMER, NS) and extra fields the site does not model (venmo,
feedback_url, location_notes, group, contact_1_name, district,
conference_phone_notes). Names come from word lists, so a text search for a
word such as "serenity" or "hope" matches roughly 1-5% of meetings.
"""

import argparse
import bisect
import datetime
import itertools
import json
import random
import sys

# (slug, relative weight)
FELLOWSHIPS = [
    ("alcoholics-anonymous", 25), ("narcotics-anonymous", 14), ("al-anon-alateen", 7),
    ("smart-recovery", 6), ("cocaine-anonymous", 4), ("crystal-meth-anonymous", 4),
    ("heroin-anonymous", 3), ("chemically-dependent-anonymous", 3),
    ("lifering-secular-recovery", 4), ("marijuana-anonymous", 4), ("methadone-anonymous", 3),
    ("secular-organizations-for-sobriety", 3), ("women-for-sobriety", 4),
    ("double-trouble-in-recovery", 3), ("dual-recovery-anonymous", 3), ("co-anon", 3),
    ("families-anonymous", 3), ("nar-anon", 4),
]
SHORT = {
    "alcoholics-anonymous": "AA", "narcotics-anonymous": "NA", "al-anon-alateen": "AFG",
    "smart-recovery": "SMART Recovery", "cocaine-anonymous": "CA", "crystal-meth-anonymous": "CMA",
    "heroin-anonymous": "HA", "chemically-dependent-anonymous": "CDA",
    "lifering-secular-recovery": "LifeRing", "marijuana-anonymous": "MA",
    "methadone-anonymous": "Methadone Anonymous", "secular-organizations-for-sobriety": "SOS",
    "women-for-sobriety": "WFS", "double-trouble-in-recovery": "Double Trouble",
    "dual-recovery-anonymous": "DRA", "co-anon": "Co-Anon", "families-anonymous": "Families Anonymous",
    "nar-anon": "Nar-Anon",
}

# state -> (county, timezone, postal prefix, lat range, lon range, phone area code)
STATES = {
    "MN": ("Sample County", "America/Chicago", "5599", (45.0, 45.3), (-93.4, -93.0), "612"),
    "NY": ("Sample East County", "America/New_York", "1099", (41.1, 41.4), (-74.5, -74.2), "845"),
    "CA": ("Sample West County", "America/Los_Angeles", "9099", (34.0, 34.2), (-118.5, -118.2), "213"),
}
TOWNS_MN = [
    "Riverton", "Maple Falls", "Cedar Grove", "Lakeport", "Quillmere", "Thistlewick", "Glenfallow",
    "Marrowdale", "Oakenbury", "Fernhollow", "Willowby Flats", "Elmwick", "Brackenfield",
    "Stonemere", "Larkspur Bend", "Copperton Mills", "Heronvale", "Pebbleford", "Juniper Hollow",
    "Foxmoor", "Ambergate Falls", "Nettlecombe", "Sorrel Ridge", "Kestrel Point", "Mistlebrook",
    "Tamarack Junction", "Wrenfield", "Bramblewood",
]
TOWNS_NY = ["Birchport", "Hollowmere", "Quarry Glen", "Lanternwick", "Ashmere Landing", "Dovecote Falls"]
TOWNS_CA = ["Sunvale", "Palmcrest", "Marigold Bay", "Cindervale", "Saltbrush Springs", "Coyote Terrace"]
HOODS = ["Downtown", "Northside", "Southside", "Old Town", "West End", "Harborside", "East Hill", "Mill District"]

STREETS = [
    "Example St", "Sample Ave", "Placeholder Rd", "First St", "Church St", "Mill Rd", "Harbor Way",
    "Pine Ridge Rd", "Orchard St", "Park Rd", "Grove St", "Lake Dr", "Library Ln", "Mission Ave",
    "Chapel St", "Canyon Rd", "Test Ln", "Demo Blvd", "Fictional Way", "Meadow Ct",
]
VENUES = [
    "{town} Community Center", "{town} Public Library, Room {n}", "First Street Church Hall",
    "{town} Recovery Club", "Grace Fellowship Hall", "{town} Senior Center", "{town} Alano Club",
    "Church of the Pines, Lower Level", "{town} Recreation Center", "{town} Health Center, Conference Room {n}",
    "{town} United Church, Fellowship Hall", "{town} Wellness Clinic, Suite 1{n}0", "{town} Community House",
]

# Names: "Serenity" appears only in FIRST, "Hope" only in SECOND; no other word contains either.
FIRST = [
    "Serenity", "Sunrise", "Morning", "Evening", "Midweek", "Weekend", "Lakeside", "Riverside",
    "Northside", "Downtown", "Early Bird", "Night Owl", "Open Door", "New Freedom", "Keep It Simple",
    "Back to Basics", "Easy Does It", "First Things First", "Daily", "Came to Believe",
    "Candlelight", "Happy Destiny", "Steps", "Fresh Start", "Friendly", "Quiet Harbor", "Lunch Bunch",
    "Twilight", "Open Arms", "Stepping Stones", "Big Book", "Clean Time", "Living", "Courage", "Unity",
]
SECOND = [
    "Hope", "Group", "Meeting", "Circle", "Discussion", "Fellowship", "Gathering", "Study",
    "Seekers", "Sisters", "Brothers", "Recovery", "Journey", "Way", "Path", "Light", "Promises",
    "Reflections", "Solutions", "Connection", "Lifeline", "Check-In", "Nooner", "Speakers",
    "Beginnings", "Freedom", "Tradition", "Miracles", "Workshop", "Haven",
]
SPANISH = ["Esperanza", "Nueva Luz", "Renacer", "Libertad", "Vida Nueva", "Despertar", "Familia", "Amanecer", "Unidad"]

NOTES = [
    "Coffee is on 15 minutes before the start.", "Use the accessible entrance at the side of the building.",
    "Free parking in the lot behind the building.", "Street parking only; the lot is for staff.",
    "Bring your lunch; there is a fridge and a microwave.", "Loaner books are available at the literature table.",
    "Newcomers are never asked to share.", "Enter through the side door after 7 pm.",
    "Meeting room is on the lower level; the elevator is by the office.", "Cameras optional.",
    "Please keep yourself muted unless sharing.", "Snacks provided; contributions welcome, never required.",
    "Ring the bell at the side door after 9 pm.", "Worksheets are provided; bring a pen.",
    "Babysitting in the room next door.", "Hearing loop available; ask at the door.",
]
CLOSED_NOTES = ["Temporarily closed while the hall is renovated.", "Temporarily closed until further notice."]
TCO_NOTES = ["The building is closed for now; the meeting continues online."]
URL_NOTES = ["Passcode: 2468", "Passcode: 1212", "Waiting room opens 10 minutes early.",
             "Please rename yourself with your first name.", "Join from a browser; no account needed."]
FIRST_NAMES = ["Dana", "Pat", "Jo", "Sam", "Alex", "Chris", "Robin", "Lee", "Kim", "Terry", "Jamie", "Casey"]

# (code, relative weight) for the extra type codes; AA literature codes only go on AA meetings.
COMMON = [
    ("D", 30), ("X", 14), ("ST", 8), ("SP", 7), ("BE", 6), ("B", 5), ("LIT", 5), ("XB", 4), ("11", 3),
    ("MED", 3), ("DR", 3), ("TR", 2), ("12x12", 2), ("LGBTQ", 3), ("Y", 3), ("H", 3), ("CF", 2), ("BA", 1),
    ("SEN", 1), ("OUT", 1), ("BRK", 1), ("CAN", 1), ("GR", 1), ("LS", 1), ("ABSI", 1), ("XT", 1), ("POC", 1),
    ("ASL", 1), ("FF", 1), ("DB", 1),
]
AA_ONLY = {"B", "12x12", "DR", "GR", "LS", "ABSI"}
COMMON_CODES = [c for c, _ in COMMON]
COMMON_CUM = list(itertools.accumulate(w for _, w in COMMON))
UNKNOWN = ["XYZ", "NEWCOMER", "NS"]

# start time bands: (weight, hours)
BANDS = [(22, range(5, 12)), (17, range(12, 17)), (52, range(17, 21)), (9, [21, 22, 23, 0, 1, 2])]


def pick_weighted(rng, items):
    total = sum(w for w, _ in items)
    r = rng.random() * total
    for w, v in items:
        r -= w
        if r < 0:
            return v
    return items[-1][1]


def build_towns(rng):
    towns = []
    zips = {}
    for state, names in (("MN", TOWNS_MN), ("NY", TOWNS_NY), ("CA", TOWNS_CA)):
        county, tz, zp, (la0, la1), (lo0, lo1), area = STATES[state]
        for i, name in enumerate(names):
            towns.append({
                "town": name, "state": state, "county": county, "tz": tz, "area": area,
                "zip": "%s%d" % (zp, i % 10),
                "lat": rng.uniform(la0 + 0.02, la1 - 0.02), "lon": rng.uniform(lo0 + 0.02, lo1 - 0.02),
            })
    return towns


def slug_words(name):
    out = []
    for ch in name.lower():
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    return "-".join(p for p in "".join(out).split("-") if p)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Write a large fictional Meeting Guide JSON feed to stdout.")
    ap.add_argument("--count", type=int, default=120000, help="number of meetings (default 120000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    towns = build_towns(rng)
    town_w = [(6 if t["state"] == "MN" else 5, t) for t in towns]  # ~65% MN, ~17% NY, ~17% CA
    fel_w = [(w, f) for f, w in FELLOWSHIPS]
    base = datetime.datetime(2026, 1, 1)
    span = 320 * 86400  # 2026-01-01 .. mid-November 2026
    dumps = json.dumps
    out = sys.stdout
    out.write("[\n")
    buf = []
    for n in range(1, args.count + 1):
        r = rng.random
        fel = pick_weighted(rng, fel_w)
        town = pick_weighted(rng, town_w)
        spanish = r() < 0.05
        if spanish:
            name = "Grupo " + rng.choice(SPANISH)
        else:
            k = r()
            if k < 0.55:
                name = rng.choice(FIRST) + " " + rng.choice(SECOND)
            elif k < 0.80:
                name = rng.choice(FIRST) + " " + SHORT[fel]
            elif k < 0.90:
                name = town["town"] + " " + rng.choice(SECOND)
            else:
                name = "%s %s %s" % (SHORT[fel], town["town"], rng.choice(SECOND))
        m = {"name": name, "slug": "meeting-%d-%s" % (n, slug_words(name)), "fellowship": fel}

        # attendance
        a = r()
        if a < 0.001:
            kind = "appt"
        elif a < 0.60:
            kind = "in_person"
        elif a < 0.78:
            kind = "online"
        elif a < 0.81:
            kind = "phone"
        elif a < 0.93:
            kind = "hybrid"
        elif a < 0.985:
            kind = "closed"
        else:
            kind = "closed_online"

        if kind != "appt":
            if r() < 0.06:
                m["day"] = sorted(rng.sample(range(7), rng.choice((2, 2, 3))))
            else:
                m["day"] = rng.randrange(7)
            hour = rng.choice(pick_weighted(rng, BANDS))
            minute = rng.choice((0, 0, 0, 15, 30, 30, 45))
            m["time"] = "%02d:%02d" % (hour, minute)
            if r() < 0.9:
                dur = rng.choice((60, 60, 60, 90, 45, 75, 120))
                t = (hour * 60 + minute + dur) % 1440
                m["end_time"] = "%02d:%02d" % (t // 60, t % 60)

        online_only = kind in ("online", "phone")
        if online_only and r() < 0.04:
            m["timezone"] = "Europe/London"  # a few online groups on UK time
        else:
            m["timezone"] = town["tz"]

        # types
        types = ["O" if r() < 0.6 else "C"]
        if fel == "women-for-sobriety":
            types.append("W")
        elif r() < 0.05:
            types.append("W")
        elif r() < 0.03:
            types.append("M")
        if fel in ("secular-organizations-for-sobriety", "lifering-secular-recovery") or r() < 0.02:
            types.append("A")
        if fel in ("double-trouble-in-recovery", "dual-recovery-anonymous"):
            types.append("DD")
        if fel == "al-anon-alateen" and r() < 0.2:
            types.extend(("Y", "POA"))
        if spanish:
            types.append("S")
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            c = COMMON_CODES[bisect.bisect(COMMON_CUM, r() * COMMON_CUM[-1])]
            if c in types or (c.startswith("X") and online_only) or (c in AA_ONLY and fel != "alcoholics-anonymous"):
                continue
            types.append(c)
        if r() < 0.005:
            types.append(rng.choice(UNKNOWN))
        if kind in ("closed", "closed_online"):
            types.append("TC")
        if kind in ("hybrid", "closed_online") or (online_only and r() < 0.5):
            types.append("ONL")
        m["types"] = types

        # place
        if online_only:
            if m["timezone"] == "Europe/London":
                m["formatted_address"] = "Sampleford, England, UK"
            else:
                m["formatted_address"] = "%s, %s, USA" % (town["town"], town["state"])
                m["regions"] = [town["county"], town["town"]]
            m["approximate"] = "yes"
        else:
            venue = rng.choice(VENUES).format(town=town["town"], n=rng.randrange(1, 10))
            m["location"] = venue
            m["formatted_address"] = "%d %s, %s, %s %s, USA" % (
                rng.randrange(1, 2500), rng.choice(STREETS), town["town"], town["state"], town["zip"])
            m["latitude"] = round(town["lat"] + rng.uniform(-0.02, 0.02), 4)
            m["longitude"] = round(town["lon"] + rng.uniform(-0.02, 0.02), 4)
            regions = [town["county"], town["town"]]
            if r() < 0.5:
                regions.append(rng.choice(HOODS))
            m["regions"] = regions

        # conference
        if kind in ("online", "hybrid", "closed_online"):
            p = r()
            if p < 0.45:
                mid = "55501%06d" % rng.randrange(1000000)
                m["conference_url"] = "https://zoom.us/j/" + mid
                if r() < 0.25:
                    m["conference_phone"] = "+1%s55501%02d,,%s#" % (town["area"], rng.randrange(100), mid)
            elif p < 0.65:
                m["conference_url"] = "https://meet.google.com/%s-%s-%s" % (
                    "".join(rng.choice("abcdefghijkmnopqrstuvwxyz") for _ in range(3)),
                    "".join(rng.choice("abcdefghijkmnopqrstuvwxyz") for _ in range(4)),
                    "".join(rng.choice("abcdefghijkmnopqrstuvwxyz") for _ in range(3)))
            elif p < 0.80:
                m["conference_url"] = ("https://teams.microsoft.com/l/meetup-join/19%%3ameeting_Sample%08x"
                                       "%%40thread.v2/0" % rng.getrandbits(32))
            elif p < 0.92:
                m["conference_url"] = "https://meet.jit.si/SampleRecovery-%d" % n
            else:
                m["conference_url"] = "https://video.example.org/room/meeting-%d" % n
            if r() < 0.4:
                m["conference_url_notes"] = rng.choice(URL_NOTES)
        elif kind == "phone":
            m["conference_phone"] = "+1%s55501%02d,,%d#" % (town["area"], rng.randrange(100), rng.randrange(1000, 10000))

        # notes
        if kind == "appt":
            m["notes"] = "Meets by appointment. Call (612) 555-01%02d to arrange a time." % rng.randrange(100)
        elif kind == "closed":
            m["notes"] = rng.choice(CLOSED_NOTES)
        elif kind == "closed_online":
            m["notes"] = rng.choice(TCO_NOTES)
        elif r() < 0.5:
            m["notes"] = rng.choice(NOTES)

        # extra fields the site does not model (~6%)
        if r() < 0.06:
            e = rng.randrange(7)
            if e == 0:
                m["venmo"] = "@Sample-Group-%d" % n
            elif e == 1:
                m["feedback_url"] = "https://example.org/meetings/feedback?m=%d" % n
            elif e == 2 and "location" in m:
                m["location_notes"] = "Room %d, at the end of the hall." % rng.randrange(1, 20)
            elif e == 3:
                m["group"] = name + " Group"
            elif e == 4:
                m["contact_1_name"] = rng.choice(FIRST_NAMES)
            elif e == 5:
                m["district"] = "District %d" % rng.randrange(1, 30)
            elif "conference_phone" in m:
                m["conference_phone_notes"] = "Press *6 to mute or unmute."
            else:
                m["group"] = name + " Group"

        m["updated"] = (base + datetime.timedelta(seconds=rng.randrange(span))).strftime("%Y-%m-%d %H:%M:%S")
        buf.append("  " + dumps(m, ensure_ascii=False))
        if len(buf) >= 5000:
            out.write(",\n".join(buf))
            buf = []
            if n < args.count:
                out.write(",\n")
    if buf:
        out.write(",\n".join(buf))
    out.write("\n]\n")


if __name__ == "__main__":
    main()
