#!/usr/bin/env python3
"""Distinct finder URLs for the mixed workload: every filter the finder takes, in the mix real
visitors ask for (most ask for one or two things; some for many; a few page far).

Usage:
    python3 bench/finder_urls.py --feed target/bench/feed.json --count 3000 [--seed 7] > urls.txt

Places (`near=`) and words (`q=`) are taken from the feed itself, so they are found. A share of
the URLs (`--spanish`, 0.2 by default) asks for the Spanish finder (`/es/meetings?...`), as
visitors of a US clinic's site would. Standard library only and deterministic for a given feed,
count, share and seed.
"""

import argparse
import json
import random
import urllib.parse

TYPES = ["O", "C", "W", "M", "X", "D", "SP", "B", "BE", "LGBTQ", "Y", "S", "ONL", "ST", "TR"]
GROUPS = ["alcoholics-anonymous", "narcotics-anonymous", "smart-recovery", "al-anon-alateen",
          "cocaine-anonymous", "women-for-sobriety", "lifering-secular-recovery", "nar-anon"]
DAYS = ["0", "1", "2", "3", "4", "5", "6", "today", "tonight"]
TIMES = ["morning", "midday", "evening", "night"]
ATTENDANCE = ["in_person", "online", "hybrid"]
WORDS = ["serenity", "hope", "step", "big book", "women", "morning", "new", "grace", "sunrise", "daily"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feed", required=True)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--spanish", type=float, default=0.2)
    args = parser.parse_args()
    random.seed(args.seed)
    with open(args.feed, encoding="utf-8") as feed:
        meetings = json.load(feed)
    # Towns, regions and postal codes of meetings with a venue: the places `near=` knows.
    located = [m for m in meetings if "latitude" in m]
    places = sorted({r for m in located for r in m.get("regions", [])} |
                    {m["postal_code"] for m in located if m.get("postal_code")})
    regions = sorted({r for m in meetings for r in m.get("regions", [])})
    urls = set()
    while len(urls) < args.count:
        pairs = []
        if random.random() < 0.35:
            pairs.append(("type", "O"))
        for code in random.sample(TYPES, random.choice([0, 0, 0, 1, 1, 2, 3])):
            pairs.append(("type", code))
        if random.random() < 0.25:
            pairs += [("group", g) for g in random.sample(GROUPS, random.choice([1, 1, 2]))]
        if random.random() < 0.45:
            pairs += [("day", d) for d in random.sample(DAYS, random.choice([1, 1, 1, 2]))]
        if random.random() < 0.3:
            pairs.append(("time", random.choice(TIMES)))
        if random.random() < 0.25:
            pairs.append(("attendance", random.choice(ATTENDANCE)))
        if random.random() < 0.2:
            pairs.append(("for", random.choice(["self", "family"])))
        if random.random() < 0.15:
            pairs.append(("q", random.choice(WORDS)))
        if places and random.random() < 0.35:
            pairs.append(("near", random.choice(places)))
            if random.random() < 0.6:
                pairs.append(("within", random.choice(["2", "5", "10", "25"])))
            if random.random() < 0.4:
                pairs.append(("sort", "distance"))
        elif regions and random.random() < 0.1:
            pairs.append(("region", random.choice(regions)))
        if random.random() < 0.2:
            pairs.append(("page", str(random.choice([2, 2, 3, 4, 5, 10, 50]))))
        prefix = "/es" if random.random() < args.spanish else ""
        urls.add(prefix + ("/meetings?" + urllib.parse.urlencode(pairs) if pairs else "/meetings"))
    for url in sorted(urls):
        print(url)


if __name__ == "__main__":
    main()
