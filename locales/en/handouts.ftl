# The printable handouts: the handouts page, the sheet frame (Print button), the group one-pager,
# the printed meeting schedule and the referral sheet, with the printed date.

handouts-title = Handouts
handouts-description = Printable handouts: a one-page sheet per group, meeting schedules and referral sheets.
handouts-heading = Printable handouts
handouts-lead = Sheets to print or hand over during a visit. Each fits the page it promises; every printed page carries the site's name, the print date and its page number.
handouts-schedule-heading = Meeting schedule
# $finder: the finder's address on this site.
handouts-schedule-text-html = Search the <a href="{ $finder }">meeting finder</a>, then choose <strong>Print a schedule of these meetings</strong> under the results. The schedule is a table by day, then time, with a key to the kinds of meeting; online meetings show the website they use.
handouts-schedule-all = Schedule of all open meetings
handouts-referral-heading = Referral sheet
# $matcher: the philosophy matcher's address on this site.
handouts-referral-text-html = Offer more than one choice: pick two or more groups. The sheet gives a short description of each, a few of its open meetings, and lines for the client's name, the date, a contact person, a phone number and a follow-up visit. The <a href="{ $matcher }">philosophy matcher</a> can suggest groups.
handouts-referral-groups = Groups to offer (two or more)
handouts-referral-meetings = Meetings to list
handouts-referral-any = Any way to attend
handouts-referral-in-person = In person
handouts-referral-online = Online or by phone
handouts-referral-women = For a woman: list women's meetings too (left out otherwise, as are men's meetings)
handouts-referral-near = Near (a town, region or postal code; optional)
handouts-referral-make = Make the referral sheet
handouts-one-pagers = One page per group

handout-print-button = Print this page
handout-print-hint = Use your browser's Print command; the page is laid out for paper.
# $date: the day the page was printed, as written by date-long.
handout-printed = Printed { $date }.
handout-source-html = Source: the fact sheet <cite>An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA).


handout-group-title = { $name }: handout
handout-group-tag = Mutual support group
handout-not-described = not described
handout-find-heading = How to find a meeting
handout-website = Website:
handout-website-note = most groups' websites have a meeting finder
handout-directory-lists = { $count ->
    [one] This directory lists 1 of its meetings:
   *[other] This directory lists { $count } of its meetings:
}
handout-directory-sample = This directory shows sample meetings (examples, not real ones):
handout-open-free = Open meetings are open to anyone (one for women or for men only, to any woman or any man). Attending is free; a small donation is usual.

schedule-title = Meeting schedule
# $date: the printed date; $address: the finder's address for this search.
schedule-printed-from = Printed { $date } from { $address }.
schedule-check-html = <strong>Check before you go:</strong> times and places change. Online meetings show the website they use; their full links are on each meeting's page.
schedule-none-html = No meetings match this search. <a href="{ $finder }">Search again</a>.
schedule-partial = This schedule shows the first { $shown } of { $total } meetings. Narrow the search (by day, place or group) for a complete list.
schedule-continued = { $day }, continued
schedule-col-time = Time
schedule-col-meeting = Meeting
schedule-col-group = Group
schedule-col-where = Where
schedule-col-kind = Kind
schedule-online = Online: { $host }
schedule-phone = Phone: { $phone }
schedule-legend = Key to the kinds of meeting
schedule-own-code = a code of the group's own

referral-title = Referral sheet
referral-heading = Mutual support groups you could try
referral-intro = These groups are run by their members, not by professionals. Try more than one meeting, and more than one group, before deciding: people who feel the group suits them take part more.
referral-near = The meetings listed are the open meetings nearest to { $place }.
referral-website = Website: { $host }
referral-free = Free; a small donation is usual.
referral-no-meetings = No open meetings in this directory match; see the website or { $address }
referral-online = online: { $host }
referral-phone = phone: { $phone }
referral-more = More meetings: { $address }
referral-client = Client:
referral-date = Date:
referral-contact = Contact person:
referral-contact-phone = Phone:
referral-follow-up = Follow-up visit:
referral-open-note = Open meetings: you need not be a member. One marked “women only” or “men only” is for women or for men. Check times before you go.
referral-source-html = Facts from the fact sheet <cite>An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA, spring 2008); its figures may have changed.
referral-too-few = A referral sheet offers more than one choice: pick at least two groups. People are more likely to go when they can try several groups and meetings.
referral-change-place = Show meetings near this place
referral-clinic-phone = Phone: { $phone }
referral-clinic-note = The clinic's details are this site's settings, not from the fact sheet.
referral-group-phone = phone: { $phone } (not from the fact sheet)
referral-qr = Scan for these groups' open meetings, up to date
handout-sample-data-html = <strong>Sample data:</strong> the meetings on this sheet are examples, not real meetings. Do not hand it out.
referral-zone = Times are { $zone }.
referral-when = { $day }, { $time }
schedule-title-what = { $kind } { $attendance } meetings
schedule-title-open = open
schedule-title-closed = closed
schedule-title-in-person = in-person
schedule-title-online = online
schedule-title-hybrid = hybrid
schedule-title-of = of { $groups }
schedule-title-for-family = for families and friends
schedule-title-near = near { $place }
schedule-title-matching = matching “{ $words }”
schedule-zone-note = Times are { $zone }.
schedule-every-row = Every meeting listed: { $what }.
