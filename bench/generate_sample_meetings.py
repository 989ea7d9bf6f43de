#!/usr/bin/env python3
"""Writes sample-meetings.json: FICTIONAL meetings for trying the site (the site labels them).

One made-up county ("Prairie County", America/Chicago, the site's default zone) with ten towns whose
postal codes and coordinates form a plausible map (about 40 km across), plus online meetings from
elsewhere (New York, Los Angeles and London time). Every group, day, time of day and kind of
meeting the finder offers is covered; every type code is used as the Meeting Guide vocabulary
(meeting-guide-types.json) defines it. Phone numbers are in the 555-0100..0199 range kept for
fiction; links go to example.org.

    python3 bench/generate_sample_meetings.py > content/meetings/sample-meetings.json

The output is deterministic (a fixed seed); the checks at the end fail loudly when coverage is lost.
"""

import json
import pathlib
import random
import sys
import unicodedata

random.seed(20261129)

COUNTY = "Prairie County"
STATE = "MN"
ZONE = "America/Chicago"

# Town, postal code, latitude, longitude, venues (name, street address).
TOWNS = [
    ("Riverton", "55990", 45.1502, -93.2107, [
        ("Community Center", "12 Elm St"),
        ("First Lutheran Church", "301 Church Ave"),
        ("Public Library", "45 Library Ln"),
        ("St. Brendan's Parish Hall", "820 Third St"),
    ]),
    ("Maple Falls", "55991", 45.2231, -93.3350, [
        ("Town Hall", "2 Main St"),
        ("Grace Fellowship Hall", "118 Maple Ave"),
        ("Falls Senior Center", "64 Water St"),
    ]),
    ("Cedar Grove", "55992", 45.0815, -93.0902, [
        ("Grove Methodist Church", "500 Cedar Rd"),
        ("Grove Recovery Clubhouse", "27 Mill St"),
        ("Clinic Annex", "9 Health Way"),
    ]),
    ("Lakeport", "55993", 45.2812, -93.0523, [
        ("Community Hall", "5 Harbor Way"),
        ("Harbor Lights Church", "210 Shore Dr"),
    ]),
    ("Prairie City", "55994", 45.0301, -93.3804, [
        ("Courthouse Annex", "100 Court St"),
        ("Prairie City Library", "16 Prairie Ave"),
        ("New Hope Church", "777 County Road 4"),
    ]),
    ("Willow Creek", "55995", 45.1920, -92.9705, [
        ("Willow Creek Grange", "31 Grange Rd"),
        ("Creekside Chapel", "8 Willow St"),
    ]),
    ("Oak Hollow", "55996", 44.9876, -93.1530, [
        ("Oak Hollow Fire Hall", "3 Station St"),
        ("Hollow Valley Church", "402 Oak St"),
    ]),
    ("Stonebridge", "55997", 45.3105, -93.2602, [
        ("Legion Hall", "60 Bridge St"),
        ("Wellness Center", "14 River Rd"),
    ]),
    ("Elm Ridge", "55998", 45.1055, -93.4702, [
        ("Community Room", "22 Ridge Rd"),
    ]),
    ("Millbrook", "55999", 44.9702, -93.3005, [
        ("Township Hall", "1 Township Rd"),
        ("Covenant Church", "95 Brook St"),
    ]),
]

# Places elsewhere that online meetings come from: (city, state/country line, zone).
ELSEWHERE = [
    ("Brooklyn", "NY, USA", "America/New_York"),
    ("Albany", "NY, USA", "America/New_York"),
    ("Boston", "MA, USA", "America/New_York"),
    ("Oakland", "CA, USA", "America/Los_Angeles"),
    ("San Diego", "CA, USA", "America/Los_Angeles"),
    ("Portland", "OR, USA", "America/Los_Angeles"),
    ("London", "United Kingdom", "Europe/London"),
    ("Manchester", "United Kingdom", "Europe/London"),
]

BANDS = {
    "morning": ["06:00", "06:30", "07:00", "07:30", "08:00", "09:00", "09:30", "10:00", "10:30", "11:00"],
    "midday": ["12:00", "12:15", "12:30", "13:00", "14:00", "15:30", "16:00"],
    "evening": ["17:30", "18:00", "18:30", "19:00", "19:00", "19:30", "19:30", "20:00"],
    "night": ["21:00", "21:30", "22:00", "23:00", "23:30", "00:00", "00:30"],
}
BAND_WEIGHTS = {"morning": 3, "midday": 2, "evening": 5, "night": 2}

AA_STUDY = ["B", "12x12", "ABSI", "DR", "GR", "LS", "ST", "TR", "LIT", "SP", "11", "MED", "BE", "D"]
COMMON_EXTRA = ["X", "XB", "BA", "CF", "FF", "CAN", "H", "LGBTQ", "Y", "SEN", "P", "POC", "ASL"]

# slug: (how many meetings, name stems, usual types, share open, O/C used at all)
GROUPS = {
    "alcoholics-anonymous": (38, ["Keep It Simple", "Sunrise Serenity", "Back to Basics", "Happy Destiny",
                                  "Noon Serenity", "Came to Believe", "Primary Purpose", "Step Sisters",
                                  "Men's Big Book", "Friday Night Live", "Early Birds", "Into Action",
                                  "Courage to Change", "Road to Recovery", "Joy of Living", "Fresh Start"],
                             AA_STUDY, 0.6, True),
    "narcotics-anonymous": (17, ["Just for Today", "Clean and Serene", "Miracles Happen", "Hope Without Dope",
                                 "Freedom Group", "It Works", "New Beginnings"],
                            ["D", "LIT", "ST", "SP", "BE", "TR"], 0.6, True),
    "cocaine-anonymous": (8, ["Hope Dealers", "Clear Path", "Fresh Air"], ["D", "SP", "ST", "BE"], 0.6, True),
    "crystal-meth-anonymous": (7, ["Tweakers No More", "Crystal Clear", "Steps Out"], ["D", "ST", "LGBTQ"], 0.6, True),
    "heroin-anonymous": (6, ["Solution Found", "Dope Free"], ["D", "LIT", "BE"], 0.6, True),
    "marijuana-anonymous": (6, ["Clear Headed", "Green to Clean"], ["D", "ST", "LIT"], 0.7, True),
    "methadone-anonymous": (5, ["Medication and Recovery", "MA Support"], ["D", "BE"], 0.8, True),
    "chemically-dependent-anonymous": (5, ["CDA Serenity", "Chemically Free"], ["D", "ST", "LIT"], 0.6, True),
    "double-trouble-in-recovery": (5, ["Double Trouble", "Dual Paths"], ["DD", "D", "ST"], 0.6, True),
    "dual-recovery-anonymous": (5, ["Dual Recovery", "Both Sides"], ["DD", "D", "LIT"], 0.6, True),
    "smart-recovery": (12, ["SMART Recovery", "SMART Tools", "SMART Lunch"], ["D", "A", "XT"], 0.8, True),
    "lifering-secular-recovery": (6, ["LifeRing", "LifeRing Sober Circle"], ["D", "A"], 0.8, True),
    "secular-organizations-for-sobriety": (5, ["SOS Secular Sobriety", "SOS Open Circle"], ["D", "A"], 0.8, True),
    "women-for-sobriety": (6, ["Women for Sobriety", "WFS New Life"], ["W", "D"], 0.5, True),
    "al-anon-alateen": (14, ["Hope and Courage AFG", "Serenity Seekers AFG", "One Day at a Time AFG",
                             "Alateen Circle", "Detachment with Love AFG"], ["D", "ST", "LIT", "SP", "BE"], 0.5, True),
    "nar-anon": (7, ["Nar-Anon Family Group", "Hope Nar-Anon"], ["D", "ST", "LIT"], 0.5, True),
    "families-anonymous": (5, ["Families Anonymous", "FA Parents' Circle"], ["D", "LIT"], 0.6, True),
    "co-anon": (4, ["Co-Anon Family Group", "Co-Anon Hope"], ["D", "ST"], 0.5, True),
}
FAMILY = {"al-anon-alateen", "nar-anon", "families-anonymous", "co-anon"}

# Names that say a time of day, a day or who may come are kept true to it.
STEM_TIMES = {"Sunrise Serenity": ["06:00", "06:30", "07:00"], "Early Birds": ["06:00", "06:30", "07:00"],
              "Noon Serenity": ["12:00", "12:00", "12:15"], "SMART Lunch": ["12:00", "12:15", "12:30"],
              "Friday Night Live": ["21:00", "21:30", "22:00"]}
STEM_DAY = {"Friday Night Live": 5}
STEM_TYPE = {"Step Sisters": "W", "Men's Big Book": "M", "Alateen Circle": "Y"}

NOTES = [
    "Coffee is on 15 minutes before the meeting.",
    "Use the side door by the parking lot; the room is on the ground floor.",
    "Newcomers are welcome; literature is free for first-time visitors.",
    "Parking behind the building. The room is down the hall on the left.",
    "We close with a short reading. Children are not in the room; ask about care.",
    "",
    "",
    "",
]
URL_NOTES = ["Please rename yourself with your first name.", "Waiting room opens 10 minutes early.",
             "Cameras optional."]


def slugify(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


meetings = []
slugs = set()
phone_counter = [100]
updated_base = (2026, 11, 20)


def next_phone():
    phone_counter[0] += 1
    if phone_counter[0] > 199:
        phone_counter[0] = 101
    return f"+1612555{phone_counter[0]:04d}"


def updated():
    month = random.randint(1, 11)
    year = 2026 if random.random() < 0.85 else 2025
    return f"{year}-{month:02d}-{random.randint(1, 28):02d} {random.randint(0, 23):02d}:{random.randint(0, 59):02d}:{random.randint(0, 59):02d}"


def end_of(start, minutes):
    hour, minute = map(int, start.split(":"))
    total = (hour * 60 + minute + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def add(meeting):
    base = meeting["slug"]
    slug, n = base, 2
    while slug in slugs:
        slug, n = f"{base}-{n}", n + 1
    meeting["slug"] = slug
    slugs.add(slug)
    meetings.append(meeting)


def place_in_town(meeting, town_index=None):
    town = TOWNS[random.randrange(len(TOWNS)) if town_index is None else town_index]
    name, postal, lat, lon, venues = town
    # Named meetings (a town given) meet at the town's first venue, so concurrent ones share it.
    venue, street = random.choice(venues) if town_index is None else venues[0]
    jitter = lambda: random.uniform(-0.006, 0.006)
    meeting.update({
        "location": venue,
        "address": street,
        "city": name,
        "state": STATE,
        "postal_code": postal,
        "country": "US",
        "formatted_address": f"{street}, {name}, {STATE} {postal}",
        "latitude": round(lat + jitter(), 4),
        "longitude": round(lon + jitter(), 4),
        "regions": [COUNTY, name],
    })
    return name


def online_from_county(meeting, town_index=None):
    name, postal = TOWNS[random.randrange(len(TOWNS)) if town_index is None else town_index][:2]
    meeting.update({
        "formatted_address": f"{name}, {STATE} {postal}",
        "city": name, "state": STATE, "postal_code": postal, "country": "US",
        "approximate": "yes",
        "regions": [COUNTY, name],
    })


def conference(meeting, phone=True):
    meeting["conference_url"] = f"https://meet.example.org/{meeting['slug']}"
    if random.random() < 0.4:
        meeting["conference_url_notes"] = random.choice(URL_NOTES)
    if phone:
        meeting["conference_phone"] = f"{next_phone()},,{random.randint(1000, 9999)}#"


def band_time(band=None):
    if band is None:
        band = random.choices(list(BAND_WEIGHTS), weights=list(BAND_WEIGHTS.values()))[0]
    return random.choice(BANDS[band])


# The regular meetings of every group.
day_cycle = 0
for slug, (count, stems, usual, share_open, _) in GROUPS.items():
    for i in range(count):
        stem = stems[i % len(stems)]
        meeting = {"name": stem, "slug": "", "fellowship": slug}
        # Days: most weekly on one day; some on several.
        if stem in STEM_DAY:
            days = [STEM_DAY[stem]]
        elif random.random() < 0.15:
            days = sorted(random.sample(range(7), random.choice([2, 3, 5])))
        else:
            days = [day_cycle % 7]
            day_cycle += 3
        meeting["day"] = days if len(days) > 1 else days[0]
        start = random.choice(STEM_TIMES[stem]) if stem in STEM_TIMES else band_time()
        meeting["time"] = start
        if random.random() < 0.85:
            meeting["end_time"] = end_of(start, random.choice([60, 60, 60, 90]))
        meeting["timezone"] = ZONE
        types = []
        if slug != "women-for-sobriety":  # for women only: "open" (anyone may come) does not apply
            types.append("O" if random.random() < share_open else "C")
        types += random.sample(usual, k=min(len(usual), random.choice([1, 1, 2])))
        if slug == "women-for-sobriety":
            types.append("W")
        if stem in STEM_TYPE:
            types.append(STEM_TYPE[stem])
        if random.random() < 0.35:
            types.append(random.choice([code for code in COMMON_EXTRA if code != "Y" or stem in STEM_TYPE]))
        if random.random() < 0.5:
            types.append("X")
        meeting["types"] = list(dict.fromkeys(types))
        mode = random.random()
        if mode < 0.84:
            label = place_in_town(meeting)
        else:
            online_from_county(meeting)
            label = meeting["regions"][-1]
        meeting["name"] = f"{stem} {label}" if random.random() < 0.5 else stem
        meeting["slug"] = slugify(f"{stem} {label}")
        if mode >= 0.72:
            conference(meeting, phone=random.random() < 0.6)
        note = random.choice(NOTES)
        if note:
            meeting["notes"] = note
        meeting["updated"] = updated()
        add(meeting)

# Meetings that make sure every kind the finder offers is there, named for what they are.
SPECIAL = [
    # (group, name, day(s), time, end, types,
    #  how: venue|hybrid|online|online+phone|phone|tc|tc-online|appointment|elsewhere, then :town or :place)
    ("alcoholics-anonymous", "Grupo Nueva Vida", [2, 5], "19:30", "21:00", ["O", "S", "D"], "venue:0"),
    ("narcotics-anonymous", "Grupo Renacer", 6, "18:00", "19:30", ["C", "S", "LIT"], "venue:4"),
    ("al-anon-alateen", "Grupo Familiar Esperanza", 3, "19:00", "20:00", ["C", "S", "D"], "venue:1"),
    ("alcoholics-anonymous", "Women's Step Study", 1, "18:30", "19:30", ["C", "W", "ST", "X"], "venue:0"),
    ("alcoholics-anonymous", "Men's Breakfast Group", 6, "07:00", "08:30", ["O", "M", "BRK", "SP"], "venue:2"),
    ("narcotics-anonymous", "Women in Recovery", 4, "19:00", "20:00", ["C", "W", "D"], "venue:3"),
    ("narcotics-anonymous", "Men's Freedom Group", 2, "20:00", "21:00", ["C", "M", "ST"], "venue:5"),
    ("women-for-sobriety", "WFS Online Circle", [1, 4], "20:00", "21:00", ["W", "D", "DB"], "online:0"),
    ("alcoholics-anonymous", "Night Owls Phone Meeting", 3, "02:00", "03:00", ["O", "D"], "phone:0"),
    ("narcotics-anonymous", "NA by Phone", 0, "21:30", "22:30", ["O", "D"], "phone:2"),
    ("methadone-anonymous", "MA by Phone", 5, "18:00", "19:00", ["O", "D"], "phone:4"),
    ("alcoholics-anonymous", "Midnight Hybrid", 6, "00:00", "01:00", ["C", "D"], "hybrid:0"),
    ("smart-recovery", "SMART Hybrid Riverton", 2, "12:30", "13:30", ["O", "D"], "hybrid:0"),
    ("al-anon-alateen", "Alateen Hybrid", 0, "16:00", "17:00", ["C", "Y"], "hybrid:1"),
    ("al-anon-alateen", "Sunday Afternoon Al-Anon", 0, "16:00", "17:00", ["O", "AL", "D"], "venue:1"),
    ("alcoholics-anonymous", "Friday Open Speaker", 5, "19:30", "21:00", ["O", "SP", "AL-AN"], "venue:3"),
    ("al-anon-alateen", "Friday Night Al-Anon", 5, "19:30", "21:00", ["C", "D"], "venue:3"),
    ("alcoholics-anonymous", "Lakeside Serenity", 4, "18:00", "19:00", ["O", "D", "TC"], "tc:3"),
    ("nar-anon", "Nar-Anon Lakeport", 6, "09:30", "10:30", ["C", "D", "TC"], "tc-online:3"),
    ("families-anonymous", "Families Anonymous by Appointment", None, None, None, ["BE"], "appointment:4"),
    ("cocaine-anonymous", "CA Saturday Night Speaker", 6, "21:00", "22:30", ["O", "SP"], "venue:6"),
    ("crystal-meth-anonymous", "CMA Sunday Night", 0, "23:00", None, ["C", "D", "LGBTQ"], "venue:0"),
    ("alcoholics-anonymous", "Young People's Group", 5, "21:30", "22:30", ["O", "Y", "D"], "venue:1"),
    ("alcoholics-anonymous", "Seniors in Sobriety", 3, "10:00", "11:00", ["O", "SEN", "X", "XB"], "venue:2"),
    ("alcoholics-anonymous", "ASL Interpreted Big Book", 2, "19:00", "20:00", ["O", "B", "ASL", "X"], "venue:0"),
    ("alcoholics-anonymous", "Parents in Recovery", 0, "10:30", "11:30", ["O", "BA", "CF", "D"], "venue:7"),
    ("alcoholics-anonymous", "Candlelight Meditation", 1, "21:00", "22:00", ["O", "CAN", "11", "MED"], "venue:8"),
    ("alcoholics-anonymous", "Outdoor Step Group", 6, "08:00", "09:00", ["O", "OUT", "ST"], "venue:9"),
    ("alcoholics-anonymous", "Birthday Night", 5, "20:00", "21:30", ["O", "H", "SP"], "venue:5"),
    ("alcoholics-anonymous", "Professionals Group", 3, "12:10", "13:00", ["C", "P", "D"], "venue:4"),
    ("narcotics-anonymous", "People of Color NA", 1, "19:30", "20:30", ["O", "POC", "D"], "venue:0"),
    ("alcoholics-anonymous", "Indigenous Circle", 2, "18:00", "19:30", ["O", "NDG", "N", "D"], "venue:6"),
    ("alcoholics-anonymous", "Rainbow Group", 4, "20:00", "21:00", ["O", "LGBTQ", "G", "L", "BI", "T", "NB"], "venue:1"),
    ("alcoholics-anonymous", "Fragrance Free Discussion", 0, "14:00", "15:00", ["O", "FF", "D"], "venue:2"),
    ("alcoholics-anonymous", "Court Slip Friendly", 1, "17:30", "18:30", ["O", "POA", "BE"], "venue:4"),
    ("smart-recovery", "SMART Cross Talk", 4, "18:30", "20:00", ["O", "XT", "A"], "venue:0"),
    ("double-trouble-in-recovery", "Double Trouble Sunday", 0, "13:00", "14:00", ["O", "DD", "D"], "venue:0"),
    ("marijuana-anonymous", "MA Saturday Morning", 6, "10:00", "11:00", ["O", "D"], "online+phone:1"),
    # Online meetings from elsewhere, on their own clocks.
    ("alcoholics-anonymous", "Brooklyn Early Risers", [1, 2, 3, 4, 5], "06:30", "07:30", ["O", "D"], "elsewhere:0"),
    ("narcotics-anonymous", "Albany Noon NA", 3, "12:00", "13:00", ["O", "LIT"], "elsewhere:1"),
    ("al-anon-alateen", "Boston Al-Anon Online", 2, "20:00", "21:00", ["C", "D"], "elsewhere:2"),
    ("crystal-meth-anonymous", "Oakland CMA Online", 5, "19:00", "20:00", ["O", "LGBTQ", "D"], "elsewhere:3"),
    ("alcoholics-anonymous", "West Coast Night Owls", 6, "23:30", None, ["O", "D"], "elsewhere:4"),
    ("smart-recovery", "SMART Pacific Evening", 1, "18:00", "19:30", ["O", "D"], "elsewhere:5"),
    ("alcoholics-anonymous", "London Lunchtime", [1, 3, 5], "12:30", "13:30", ["O", "D"], "elsewhere:6"),
    ("women-for-sobriety", "WFS Manchester Online", 0, "19:00", "20:00", ["W", "D"], "elsewhere:7"),
    ("narcotics-anonymous", "Reunión Virtual Esperanza", 4, "20:00", "21:00", ["O", "S"], "elsewhere:4"),
    ("lifering-secular-recovery", "LifeRing London Online", 2, "18:00", "19:00", ["O", "A"], "elsewhere:6"),
]

for group, name, days, start, end, types, how in SPECIAL:
    kind, _, where = how.partition(":")
    index = int(where)
    meeting = {"name": name, "slug": slugify(name), "fellowship": group}
    if days is not None:
        meeting["day"] = days
        meeting["time"] = start
        if end:
            meeting["end_time"] = end
    meeting["timezone"] = ZONE
    meeting["types"] = list(types)
    if kind in ("venue", "hybrid", "tc", "tc-online", "appointment"):
        place_in_town(meeting, index)
    if kind in ("hybrid", "tc-online"):
        conference(meeting)
    if kind in ("online", "online+phone"):
        online_from_county(meeting, index)
        conference(meeting, phone=kind == "online+phone")
    if kind == "phone":
        online_from_county(meeting, index)
        meeting["conference_phone"] = f"{next_phone()},,{random.randint(1000, 9999)}#"
        meeting["conference_phone_notes"] = "Press *6 to mute or unmute."
    if kind == "elsewhere":
        city, line, zone = ELSEWHERE[index]
        meeting["timezone"] = zone
        meeting.update({"formatted_address": f"{city}, {line}", "approximate": "yes", "regions": [city]})
        conference(meeting, phone=zone != "Europe/London")
    if kind == "tc":
        meeting["notes"] = "The hall is closed for repairs; the group plans to meet again in the spring."
    elif kind == "tc-online":
        meeting["notes"] = "The hall is temporarily closed; the meeting is online until it reopens."
    elif kind == "appointment":
        meeting["notes"] = ("Meets by appointment. Call (612) 555-0142 to arrange a time with a parent who has "
                            "been there.")
        meeting["location_notes"] = "Ask at the front desk for the family room."
    elif "S" in types:
        meeting["notes"] = "Reunión en español. Todos son bienvenidos a las reuniones abiertas."
    if group == "alcoholics-anonymous" and random.random() < 0.3:
        meeting["group"] = f"{name} Group"
        meeting["district"] = "District 4"
    meeting["updated"] = updated()
    add(meeting)

# A few home-group names and contacts, as real feeds carry them.
for meeting in meetings[::17]:
    meeting.setdefault("group", f"{meeting['name']} Group")
    meeting["contact_1_name"] = "Group secretary"
    meeting["contact_1_phone"] = f"{next_phone()}"

# Checks: what the site and its tests need from the sample.
ROOT = pathlib.Path(__file__).resolve().parent.parent
vocabulary = json.load(open(ROOT / "content" / "meetings" / "meeting-guide-types.json"))
groups_seen = {m["fellowship"] for m in meetings}
assert groups_seen == set(GROUPS), set(GROUPS) - groups_seen


def days_of(m):
    d = m.get("day")
    return [] if d is None else (d if isinstance(d, list) else [d])


def band_of(t):
    minutes = int(t[:2]) * 60 + int(t[3:])
    if 300 <= minutes < 720:
        return "morning"
    if 720 <= minutes < 1020:
        return "midday"
    if 1020 <= minutes < 1260:
        return "evening"
    return "night"


assert {d for m in meetings for d in days_of(m)} == set(range(7))
assert {band_of(m["time"]) for m in meetings if "time" in m} == set(BANDS)
for code in ["O", "C", "W", "M", "S", "X", "TC"]:
    assert any(code in m["types"] for m in meetings), code
for m in meetings:
    for code in m["types"]:
        assert code in vocabulary, (m["slug"], code)
    assert not ("W" in m["types"] and "M" in m["types"]), m["slug"]
    assert not ("O" in m["types"] and "C" in m["types"]), m["slug"]
assert any("conference_phone" in m and "conference_url" not in m for m in meetings), "phone only"
assert any("conference_url" in m and not m.get("approximate") for m in meetings), "hybrid"
assert any("day" not in m for m in meetings), "by appointment"
assert {m["timezone"] for m in meetings} == {ZONE, "America/New_York", "America/Los_Angeles", "Europe/London"}
for day in range(7):
    for band in BANDS:
        found = [m for m in meetings if day in days_of(m) and band_of(m["time"]) == band and "O" in m["types"]]
        assert found, f"no open meeting on day {day} in the {band}"
assert 170 <= len(meetings) <= 220, len(meetings)

# One meeting a line, as the file has always been written.
sys.stdout.write("[\n" + ",\n".join("  " + json.dumps(m, ensure_ascii=False) for m in meetings) + "\n]\n")
print(f"{len(meetings)} meetings", file=sys.stderr)
