# The home page: the two doors into the finder, the count of meetings and the four doors to the
# rest of the site.

home-title = Find support for recovery
home-heading = Mutual support for recovery from alcohol and drugs
home-lead = Groups run by their members, not by professionals, for people who want to quit alcohol or drugs and for the people who care about them. Find a meeting near you or online, and learn how the groups differ.
home-start-label = Find a meeting
home-self = Meetings for my own recovery
home-self-detail = Open meetings starting soon, near you or online
home-family = Meetings for family and friends
home-family-detail = For people who care about someone who drinks or uses drugs
home-near-label = Meetings near a place
home-near-submit = Find
home-all-meetings = { $count ->
    [one] The one meeting, with every filter
   *[other] All { $count } meetings, with every filter
}
home-groups-heading = Compare the groups
home-groups-text = { $count ->
    [one] 1 group: 12-Step and other approaches, for co-occurring disorders, and for families and friends.
   *[other] { $count } groups: 12-Step and other approaches, for co-occurring disorders, and for families and friends.
}
home-groups-link = Compare groups side by side
home-guide-heading = For providers
home-guide-text = How to refer, the philosophy matcher for a client's beliefs and needs, and follow-up.
home-guide-link = Provider guide
home-matcher-link = Philosophy matcher
home-handouts-heading = Handouts
home-handouts-text = Print a one-page sheet about a group, a meeting schedule, or a referral sheet with several choices.
home-handouts-link = Printable handouts
home-about-heading = What to expect
home-about-text = What mutual support groups are, open and closed meetings, what a meeting is like, and what research found.
home-about-link = About mutual support groups
home-sample-data-html = <strong>Sample data:</strong> the meetings on this site are examples for trying it, not real meetings. Staff load the real ones from the groups' feeds.
