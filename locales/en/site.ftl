# The frame of every page (layout, navigation, footer), the crisis note, error pages, and the
# words shared by every area: days, times, the language switch.

language-name = English
# "12" shows times as 7:30 pm, "24" as 19:30.
clock = 12
site-name = Mutual Support Directory
site-description = A directory of mutual support groups for recovery from alcohol and drug use, and of their meetings.
skip-to-content = Skip to main content
nav-label = Main
nav-meetings = Find a meeting
nav-groups = Groups
nav-about = About
nav-guide = Provider guide
nav-handouts = Handouts
breadcrumb-label = Breadcrumb
language-switch-label = Language
footer-source-html = Facts about the groups come from the fact sheet <cite>An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA, <cite>Substance Abuse in Brief Fact Sheet</cite>), retold in our own words.
footer-privacy = Private by design: public pages set no cookies (only the staff sign-in does) and nothing is loaded from other websites.
footer-sources-html = <a href="{ $href }">Where the meetings come from</a>, and when each list was last updated.

crisis-heading = In a crisis, get help now
crisis-emergency-html = Emergency: call <a href="tel:911"><strong>911</strong></a>.
crisis-lifeline-html = 988 Suicide &amp; Crisis Lifeline: call or text <a href="tel:988"><strong>988</strong></a>.
crisis-helpline-html = SAMHSA's National Helpline: <a href="tel:+18006624357"><strong>1-800-662-4357</strong></a>, free, confidential, 24 hours a day, 7 days a week.
crisis-not-treatment = A mutual support group is not treatment: it is support from people who share the problem. If you think you may have a substance use disorder, talk with a doctor or a treatment service too.
crisis-source = These numbers (United States) are not from the fact sheet this site is based on.
crisis-line-html = <strong>In a crisis:</strong> call or text <a href="tel:988"><strong>988</strong></a> (Suicide &amp; Crisis Lifeline) or call <a href="tel:911"><strong>911</strong></a> · SAMHSA's National Helpline: <a href="tel:+18006624357"><strong>1-800-662-4357</strong></a> · <span class="crisis-source">US numbers, not from the fact sheet.</span>

error-code = Error { $status }.
error-find-meeting = Find a meeting
error-browse-groups = Browse the groups
error-home = Go to the home page
error-bad-request = That request could not be understood
error-not-found = Page not found
error-not-found-text = There is no page at this address. It may have moved, or the link may be mistyped.
error-busy = The site is busy
error-database-busy = Another program is writing to the database just now, so nothing could be saved. Please try again in a moment.
error-unwritable = Changes cannot be saved just now
error-unwritable-text = The site cannot write to its database at the moment, so nothing was saved. The people who run the site have been told; please try again later.
error-no-room = This feed cannot be made just now
error-no-room-text = The server has no room left on its disk for this feed. The people who run the site have been told; please try again later.
error-busy-text = Too many people are searching at once. Please try again in a moment.
error-internal = Something went wrong on our side
error-internal-text = The page could not be shown. Please try again in a moment.
error-too-large = The request's body is too large.

day-0 = Sunday
day-1 = Monday
day-2 = Tuesday
day-3 = Wednesday
day-4 = Thursday
day-5 = Friday
day-6 = Saturday
time-noon = noon
time-midnight = midnight
time-am = am
time-pm = pm

# What a comparison cell says when the fact sheet is silent; content files use exactly these.
fact-sheet-silent = Not described in the fact sheet
fact-sheet-no-figure = No figure in the fact sheet

# Dates in words: month names and the long date.
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $month } { $day }, { $year }

# The margins of every printed page (/print.css): "Printed November 29, 2026", "Page 1 of 2".
print-date = Printed { $date }
print-page = Page
print-page-of = of
