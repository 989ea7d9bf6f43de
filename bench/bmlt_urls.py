#!/usr/bin/env python3
"""The same questions asked two ways, for bench/bmlt.sh: "meetings on one weekday within 10 miles
of a point", as BMLT's GetSearchResults (weekdays=N, lat_val/long_val, geo_width=10) and as our
finder page (day=N-1, near=TOWN, within=10).

Usage:
    python3 bench/bmlt_urls.py --feed feed.json --towns 40 --bmlt bmlt.txt --finder finder.txt [--paged paged.txt]

The points are the towns of the feed's in-person meetings (the mean of their coordinates, which
is about where the finder resolves `near=TOWN`); every town is asked on every weekday, in the same
order in both files. Standard library only, deterministic.
"""

import argparse
import json
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feed", required=True)
    parser.add_argument("--towns", type=int, default=40)
    parser.add_argument("--bmlt", required=True)
    parser.add_argument("--finder", required=True)
    parser.add_argument("--paged", help="the BMLT questions again, with page_size=25 (a finder page's size)")
    args = parser.parse_args()
    with open(args.feed, encoding="utf-8") as file:
        meetings = json.load(file)
    points = {}
    for meeting in meetings:
        address = meeting.get("formatted_address") or ""
        parts = [part.strip() for part in address.split(",")]
        if meeting.get("approximate") or len(parts) < 3 or meeting.get("latitude") is None:
            continue
        points.setdefault(parts[1], []).append((float(meeting["latitude"]), float(meeting["longitude"])))
    towns = sorted(points, key=lambda town: (-len(points[town]), town))[: args.towns]
    paged = open(args.paged, "w", encoding="utf-8") if args.paged else None
    with open(args.bmlt, "w", encoding="utf-8") as bmlt, open(args.finder, "w", encoding="utf-8") as finder:
        for weekday in range(1, 8):
            for town in towns:
                latitude = sum(p[0] for p in points[town]) / len(points[town])
                longitude = sum(p[1] for p in points[town]) / len(points[town])
                question = (
                    "/client_interface/json/?switcher=GetSearchResults"
                    f"&weekdays={weekday}&lat_val={latitude:.5f}&long_val={longitude:.5f}&geo_width=10"
                )
                bmlt.write(question + "\n")
                if paged:
                    paged.write(question + "&page_size=25\n")
                finder.write(f"/meetings?day={weekday - 1}&near={urllib.parse.quote_plus(town)}&within=10\n")
    if paged:
        paged.close()


if __name__ == "__main__":
    main()
