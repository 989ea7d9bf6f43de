# The meeting finder (/meetings): its form, quick choices, results, rows, and the notices shown
# when part of a search could not be used. Values in "quotes" in notices are address values
# (day=tonight, attendance=online) and stay as they are in every language.

finder-title = Find a meeting
finder-description = Find mutual support meetings by day, time, place, type and way to attend, including open meetings anyone can go to.
finder-feed-title = Meetings Feed
finder-sample-data-html = <strong>Sample data:</strong> examples for trying the site, not real meetings.
finder-notices-heading = Part of your search could not be used:
finder-form-label = Meeting filters
finder-for-whom = Who is it for?
finder-for-self = My own recovery
finder-for-family = A family member or friend
finder-for-both = Both
finder-words = Words (name, place, notes)
finder-day = Day
finder-day-upcoming = Soon (from now)
finder-day-today = Today
finder-day-tonight = Tonight
finder-also-day = and { $day }
finder-time = Time of day
finder-time-any = Any time
finder-near = Near (town or postal code)
finder-within = Within
finder-within-any = Any distance
finder-nearest-first = Nearest first
finder-more-filters = More filters
finder-types = Kind of meeting (all that are ticked)
finder-attendance = How to attend
finder-attendance-any = Any way
finder-attendance-in-person = In person (includes hybrid)
finder-attendance-online = Online or by phone (includes hybrid)
finder-attendance-hybrid = Hybrid only
finder-groups = Group (any that are ticked)
finder-region = Area
finder-region-any = Anywhere
finder-include-inactive = Include temporarily closed meetings
finder-submit = Show meetings
finder-clear = Clear all
finder-quick-choices = Quick choices
finder-toggle-open = Open meetings
finder-toggle-online = Online
finder-toggle-tonight = Tonight
finder-toggle-on = : on (tap to turn off)
finder-toggle-off = : off (tap to turn on)
finder-count =
    { $count ->
        [0] No meetings found
        [one] { $count } meeting
       *[other] { $count } meetings
    }
finder-from-now = from now
finder-page-of = (page { $page } of { $pages })
finder-none-match = No meeting matches all of these choices. You could widen your search:
finder-widen-day = Show any day
finder-widen-time = Show any time of day
finder-widen-types = Show any kind of meeting
finder-widen-groups = Show every group
finder-widen-attendance = Show any way to attend
finder-widen-region = Show everywhere
finder-widen-distance = Show any distance
finder-widen-seeker = Show meetings of every kind of group
finder-widen-words = Show no search words
finder-show-all = Show all meetings
finder-past-end = This page is past the end of the results.
finder-last-page = Go to the last page
finder-add-meeting = Add a meeting we are missing
finder-pages-label = Pages of results
finder-previous-page = Previous page
finder-next-page = Next page
finder-page = Page { $page } of { $pages }
finder-print = Print a schedule of these meetings
finder-calendar = Add these meetings to a calendar
finder-feed = Meeting Guide feed (JSON)

# One row of results.
row-for-family = For family and friends
row-also-online = also online
row-inactive = Temporarily closed: check with the group before you go.
row-venue-closed = The venue is temporarily closed; the meeting is online for now.
row-place-on-request = Place given on request
row-online = Online
row-by-phone = By phone
row-started = In progress · started { $duration } ago
row-starting-now = Starting now
row-starts-in = In { $duration }
row-distance-under = under 0.1 { $unit }
# The badges: the word, then its one-line meaning (the same for every kind of group).
badge-open = Open
badge-closed = Closed
badge-open-women = any woman may come
badge-open-men = any man may come
badge-open-anyone = anyone may come
badge-closed-family = for family and friends
badge-closed-own = for people who want to stop drinking or using drugs
badge-unstated = Not stated
badge-unstated-meaning = open or closed not stated: ask the group
badge-unstated-women = for women; open or closed not stated: ask the group
badge-unstated-men = for men; open or closed not stated: ask the group
badge-closed-own-women = for women who want to stop drinking or using drugs
badge-closed-own-men = for men who want to stop drinking or using drugs
badge-closed-family-women = for women who are family or friends
badge-closed-family-men = for men who are family or friends
# Groups whose closed meetings the fact sheet does not explain (not 12-Step, or not described).
badge-closed-ask = ask the group who may come
badge-closed-ask-women = for women; ask the group who may come
badge-closed-ask-men = for men; ask the group who may come
# Units of distance, as written after a number.
unit-mi = mi
unit-km = km

# Why part of a search was not used.
notice-no-group = There is no group called “{ $value }”; that choice was ignored.
notice-not-a-day = “{ $value }” is not a day (use 0 for Sunday to 6 for Saturday, today, tonight or upcoming); it was ignored.
notice-time-kept = Only one time of day can be chosen; kept { $kept }.
notice-not-a-time = “{ $value }” is not a time of day (morning, midday, evening or night); it was ignored.
notice-attendance-kept = Only one kind of attendance can be chosen; kept { $kept }.
notice-not-a-way-to-attend = “{ $value }” is not a way to attend (in_person, online or hybrid); it was ignored.
notice-not-a-seeker = “{ $value }” is not a choice of whom the meeting is for (self, family or both); showing both.
notice-not-a-distance = “{ $value }” is not a distance (a whole number from 1 to { $max }); it was ignored.
notice-not-an-order = “{ $value }” is not an order (time or distance); sorted by time.
notice-not-a-zone = “{ $value }” is not a time zone (like America/Los_Angeles); today and tonight are the site's.
notice-not-a-page = “{ $value }” is not a page number; showing the first page.
notice-distance-needs-place = A distance needs a place to measure from; choose a place near you.
notice-sort-needs-place = Sorting by distance needs a place; sorted by time.
notice-too-many-types = At most { $max } kinds of meeting can be asked for at once; the rest were ignored.
notice-not-a-type-code = “{ $value }” is not a meeting type code; it was ignored.
notice-non-standard-type = “{ $code }” is not a standard meeting type; showing meetings whose group lists it.
notice-query-cut = The search text was cut to its first { $max } characters.
notice-unknown-place = We have no meetings in a place called “{ $value }”, so distance was not used. Try a town, region or postal code from the list.
notice-did-you-mean = We have no meetings in a place called “{ $value }”, so distance was not used. Did you mean { $suggestions }?

# Near a place (issue 22): the heading names the place and the distance used.
finder-your-location = your location
finder-within-place = within { $distance } of { $place }
finder-you-typed = (you typed { $typed })
finder-distance-chosen = The nearest distance holding enough meetings, soonest first.
finder-wider = Wider: { $distance }
notice-did-you-mean-links = We have no meetings in a place called “{ $value }”, so distance was not used. Did you mean:
finder-groups-own = Groups for one's own recovery (any that are ticked)
finder-groups-family = Groups for family and friends (any that are ticked)
finder-use-my-location = Use my location
finder-locating = Finding your location…
finder-located = Location found; showing meetings near you.
finder-location-denied = Your location could not be found. Type a town or postal code instead.
finder-online-anywhere = Online, any place
finder-online-all =
    { $count ->
        [one] See the { $count } online meeting
       *[other] See all { $count } online meetings
    }
