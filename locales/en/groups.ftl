# The groups pages: /groups (the groups by audience and the side-by-side table), /groups/{slug}
# and /groups/compare, with their 400 messages.

groups-title = Groups
groups-description = Every mutual support group in the fact sheet, by who it is for, with a side-by-side comparison of their philosophies.
groups-heading = Mutual support groups
groups-lead = The groups the fact sheet describes, by who they are for. Compare their philosophies to find a good fit: people who agree with a group's beliefs take part more, and active participation is linked to staying abstinent.
groups-intro-html = <a href="#comparison">Every group in one table</a>, or tick two or three groups below and compare them.
groups-approach = Approach
groups-approach-all = All
groups-show = Show
groups-compare-ticked = Compare the ticked groups
groups-two-or-three = (two or three)
groups-women-only = Women only
groups-compare-choice = Compare
groups-side-by-side = Side by side
groups-side-by-side-text = Each row is one group; the columns are what providers and clients most often ask about. Below the table: what the fact sheet says for only a few groups.
groups-not-described-legend = not described in the fact sheet: see the group's own website.
groups-not-described = Not described
groups-not-described-lower = not described
groups-comparison-caption = { $count ->
    [one] Comparison of 1 mutual support group
   *[other] Comparison of { $count } mutual support groups
}
groups-column-group = Group
groups-row-for = For
groups-row-website = Website
groups-meetings-here = { $count ->
    [one] 1 meeting in this directory
   *[other] { $count } meetings in this directory
}
groups-website = Website:
groups-known-twelve-step = It describes itself as a 12-Step group. That is not from the fact sheet, which does not describe its approach.
groups-print-handout = Print a one-page handout
groups-compare-with = Compare with
groups-choose-group = Choose a group
groups-or-every-group = or see every group in one table
groups-at-a-glance = At a glance
groups-source-html = Source: the fact sheet <cite>An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA). See also <a href="{ $about }">about mutual support groups</a>.
groups-compare-title = Compare { $names }
groups-compare-description = Mutual support groups side by side: approach, spirituality, sponsors, meetings, size, online options and medication-assisted treatment.
groups-compare-breadcrumb = Compare
groups-compare-heading = Compare { $count } groups
groups-compare-lead-html = The chosen groups side by side, from the fact sheet <cite>An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA). People who agree with a group's beliefs take part more.
groups-every-group = Every group in one table
groups-choose-other = Choose other groups
# Joins the last two names of a list: "A, B and C".
groups-list-and = and
groups-error-approach = The approach filter can be “twelve-step”, “other” or “all”.
groups-error-unknown = “{ $slug }” is not a group in this directory. Choose two or three groups on the groups page.
groups-error-too-few = { $count ->
    [0] Choose at least two groups to compare; this address names none.
   *[other] Choose at least two groups to compare; this address names one.
}
groups-error-too-many = Choose at most { $most } groups to compare; this address names { $count }. The full table on the groups page sets every group side by side.
groups-beside-table = What the fact sheet says for only a few groups
groups-mat-fact-sheet = The fact sheet says some groups may be more supportive of medication-assisted treatment (MAT) than others, and that a person treated with methadone for opioid dependence may be more comfortable in a group whose members understand the benefits of opioid pharmacotherapy.
groups-beside-described = It describes this for:
groups-beside-none = It describes this for none of the groups shown.
groups-compare-mat-none = It does not describe these groups' view of MAT.
