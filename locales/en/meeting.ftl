# One meeting's page (/meetings/<slug>), its calendar file's error, how long ago something was
# updated, and the sources page (/sources: where the meetings come from).

meeting-breadcrumb = Breadcrumb
meeting-sample-data-html = <strong>Sample data:</strong> the meetings on this site are examples, not real meetings.
meeting-inactive-html = This meeting is <strong>temporarily closed</strong>. Check with the group before you go.
meeting-when = When
meeting-add-calendar = Add to my calendar
meeting-add-calendar-note = (a weekly event, in the meeting's own time zone)
meeting-where = Where
meeting-area-only = (area only)
meeting-directions = Directions
meeting-map = Map on OpenStreetMap
meeting-other-website = (opens another website)
meeting-join-online = Join online
meeting-by-phone = By phone:
meeting-how-to-attend = How to attend
meeting-kind = Kind of meeting
meeting-other-codes = Other codes:
meeting-other-codes-note = (the group's own; ask the group what they mean)
meeting-notes = Notes
meeting-report-change = Report a change
meeting-report-change-note = (a short form: a new time or place, or a meeting that has closed; staff check it first)
meeting-about-listing = About this listing
meeting-kept-on-bmlt = Kept on the BMLT root server
meeting-bmlt-change-form = its own change form
meeting-published-by = Listing published by
meeting-how-listings-kept = How listings here are kept up to date
meeting-back-to-results = Back to your results
meeting-moment = When, where and how to get there
meeting-join = Join
meeting-join-now = { $started } — join now
meeting-id = Meeting ID
meeting-passcode = Passcode
meeting-passcode-in-link = in the link (nothing to type)
meeting-updated = Updated
meeting-more-of-group = More { $group } meetings
meeting-no-calendar = This meeting is by appointment, so it has no calendar file. Its page says how to arrange a time.

# How long ago: "Updated 3 months ago", "updated 2 hours ago".
ago-just-now = just now
ago-today = today
ago-yesterday = yesterday
ago-minutes =
    { $count ->
        [one] { $count } minute ago
       *[other] { $count } minutes ago
    }
ago-hours =
    { $count ->
        [one] { $count } hour ago
       *[other] { $count } hours ago
    }
ago-days =
    { $count ->
        [one] { $count } day ago
       *[other] { $count } days ago
    }
ago-weeks =
    { $count ->
        [one] { $count } week ago
       *[other] { $count } weeks ago
    }
ago-months =
    { $count ->
        [one] { $count } month ago
       *[other] { $count } months ago
    }
ago-years =
    { $count ->
        [one] { $count } year ago
       *[other] { $count } years ago
    }

sources-title = Where the meetings come from
sources-description = The meeting lists this directory follows, and when each was last updated.
sources-lead = Meeting times and places change. This directory copies the lists that groups and offices publish, and checks them again regularly. Each list below says when it was last updated, so you can judge how fresh a listing is. When in doubt, check with the group before you go.
sources-entered-here-html = Meetings that staff added here or loaded from a file are not from these lists: they are listed as <strong>entered here</strong>.
sources-none = This directory follows no published lists at the moment: every meeting was entered here.
sources-group = Group:
sources-meetings =
    { $count ->
        [one] { $count } meeting
       *[other] { $count } meetings
    }
sources-updated = updated { $ago }
sources-not-fetched = not fetched successfully yet
sources-failed = The last attempt failed { $ago }; its last good list is still shown.
sources-list = List:
meeting-approximate-location = Approximate location: on our map this meeting is placed in { $place }, from its address. Go by the address.
