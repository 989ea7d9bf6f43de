# The public change-request forms (/meetings/new, /meetings/<slug>/change): the form's words, its
# fields as the public sees them, the problems it reports, the thank-you page and the page sent
# to a feed's own form. Staff pages show the same fields in English.

request-change-title = Report a change: { $name }
request-new-title = Add a meeting we are missing
request-breadcrumb = Breadcrumb
request-change-crumb = Report a change
request-change-heading = Report a change to “{ $name }”
request-change-intro = The form shows the listing as it is now. Change what is different, or tell us in the message. Staff check every request before the listing changes.
request-new-crumb = Add a meeting
request-new-intro = Tell us about a meeting that is not on this site. Staff check every request before a meeting is listed.
request-problems-heading = Please check the form
request-problems-fields = Each field with a problem says what is wrong beside it.
request-closed-for-good = This meeting has closed for good
request-message-label = Message
request-message-hint = Anything else staff should know, and how you know it (at most 5,000 characters).
request-reply-label = Your e-mail address (optional)
request-reply-hint = Only if staff may write to you about this. Only staff see it, and it is deleted when the request is closed.
request-honeypot = Leave this empty
request-send = Send the request
request-privacy = No account, no cookie: we keep what you send for staff to review, and, until the request is closed, a scrambled form of your network address that only limits how many requests one place can send in an hour.

request-thanks-heading = Request received
request-thanks = Thank you. Staff read every request and check it before anything changes; that usually takes a few days. If they approve it, the listing changes on this site. If you gave an address, they may write to you; the address is deleted once the request is closed.
request-back = Back to the meeting
request-find = Find a meeting
request-source-heading = Report a change to this listing
request-source-links = This listing comes from { $source }, whose list this site follows, so a change made here would be undone at the next update. Please send the change to them with one of the links below.
request-source-no-links = This listing comes from { $source }, whose list this site follows, so a change made here would be undone at the next update. Please send the change to them (see the meeting page for who publishes it).
request-source-form = The source's own form for changes
request-source-email = E-mail { $address }

request-too-many = This address has sent { $count } requests in the last hour, the most we take. Please try again in an hour; what you sent was not kept.
request-too-many-heading = Too many requests
request-too-large-heading = That form is too large
request-too-large = The form sent more text than we accept. Shorten the message and send it again; what you sent was not kept.
request-unreadable = The form could not be read.
request-message-too-long = The message is longer than { $max } characters; please shorten it.
request-message-control = The message holds an invisible control character; please remove it (line breaks are fine).
request-reply-bad = The reply address does not look like an e-mail address (it is optional).
request-nothing-changed = Nothing was changed: change a field, tick "closed for good" or write a message.

# The meeting's fields: labels, hints and what is wrong with a value.
request-field-slug = Address (slug)
request-field-name = Meeting name
request-field-fellowship = Group
request-field-day = Days
request-field-time = Start time
request-field-end-time = End time
request-field-timezone = Time zone
request-field-types = Type codes
request-field-location = Venue
request-field-formatted-address = Street address
request-field-conference-url = Online meeting link
request-field-conference-phone = Dial-in phone number
request-field-notes = Notes
request-field-other = Other
request-hint-slug = Lower-case letters, digits and hyphens: the meeting's address on this site.
request-hint-day = Tick every day it meets; none for a meeting by appointment.
request-hint-time = Like 19:00 or 7:00 PM.
request-hint-types = Codes separated by commas, like O, D, W (open, discussion, women).
request-hint-formatted-address = Street, town, state and postal code.
request-hint-conference-url = Starts with https://
request-hint-timezone = An IANA name, like America/Chicago.
request-not-given = (not given)
request-by-appointment = (by appointment)
# A field's problem (English pages show the feed reader's own words; these say the same in short).
request-error-missing = This is missing.
request-error-too-long = This is too long.
request-error-control = This holds a line break or an invisible control character; please type it as one line of plain text.
request-error-name = Give the meeting's name.
request-error-fellowship = Choose a group from the list.
request-error-day = Tick the days it meets.
request-error-time = “{ $value }” is not a time (like 19:00 or 7:00 PM).
request-error-time-missing = A meeting that has a day needs a start time.
request-error-types = Write type codes separated by commas, like O, D, W.
request-error-conference-url = The link must start with https://
request-error-other = This could not be read; please check it.
# A problem of the whole form: $field is the field's label.
request-busy = The site could not save your request just now (another program is writing to its database). Nothing you typed is lost: send the form again in a moment.
request-error-of = { $field }: { $problem }
request-field-attendance = How to attend
request-field-regions = Town and region
request-field-latitude = Latitude
request-field-longitude = Longitude
request-field-location-notes = Notes on the venue
request-field-conference-url-notes = Notes on the online link
request-field-conference-phone-notes = Notes on the dial-in phone
request-hint-regions = From the widest to the town, separated by >, like Prairie County > Riverton.
request-hint-coordinates = Decimal degrees, like 45.1533 and -93.2127. Leave both empty to place the meeting from its address (approximate).
request-hint-attendance = In person needs an address; online needs a link or phone; hybrid needs both. Left unchosen, it follows from those fields.
