# The words of the site's domain, shared by pages and handouts: who a group is for, its approach,
# the comparison rows, what a closed meeting means, times of day and ways to attend.

audience-substance-use = For people who have a substance use disorder
audience-co-occurring = For people with co-occurring disorders
audience-family = For families, friends and significant others
approach-twelve-step = 12-Step
approach-other = Not 12-Step
approach-not-described = Approach not described in the fact sheet
spirituality-higher-power = groups that make a higher power part of daily life
spirituality-meditation = groups that encourage daily meditation but do not otherwise emphasise God or a higher power
spirituality-secular = secular groups, which keep recovery separate from spirituality
spirituality-none-mentioned = groups whose approach the fact sheet describes without any spiritual element
spirituality-not-described = groups whose approach the fact sheet does not describe
religious-more-participation = groups where the fact sheet links strong religious beliefs with more participation
religious-less-effect = groups where religious belief did less to raise participation
religious-less-participation = groups where religious belief went with less participation
religious-not-described = groups for which the fact sheet reports no such finding
substance-alcohol = alcohol
substance-drugs = any drug
substance-any = any substance
substance-cocaine = cocaine
substance-meth = crystal meth
substance-heroin = heroin
substance-marijuana = marijuana
medication-opioid = medicine for opioid dependence (opioid pharmacotherapy, such as methadone or buprenorphine)
comparison-substance-focus = Substance focus
comparison-spiritual-emphasis = Spiritual emphasis
comparison-medication = Medication-assisted treatment
comparison-abstinence = Abstinence
comparison-sponsors = Sponsors
comparison-lifetime-membership = Lifetime membership
comparison-meeting-structure = Meeting structure
comparison-size = Size
comparison-online-options = Online options
# Who may come to a meeting (views::Admission): the meeting page's and a calendar event's sentence, the label beside a
# meeting on a printed sheet. A closed meeting for women reads "For women only." and then its closed-*.
admission-open-anyone = An open meeting: anyone may come, including family members, friends and providers.
admission-open-women = An open meeting for women: any woman may come, including women who are family members, friends or providers.
admission-open-men = An open meeting for men: any man may come, including men who are family members, friends or providers.
admission-for-women = For women only.
admission-for-men = For men only.
admission-women-only = women only
admission-men-only = men only
closed-family = A closed meeting. This group is for the families and friends of people with a substance use disorder; the fact sheet does not say who its closed meetings are for, so ask the group or check its website.
closed-twelve-step = A closed meeting: only for people who want to stop drinking or using drugs themselves.
closed-other = A closed meeting. The fact sheet explains closed meetings for 12-Step groups only (there they are for people who want to stop drinking or using drugs), so ask this group what closed means for it.
closed-unknown-group = A closed meeting: not for everyone. In 12-Step groups for people with a substance use disorder, closed meetings are only for people who want to stop drinking or using drugs; other groups may differ, so ask the group.
time-of-day-morning = Morning (5 am to noon)
time-of-day-midday = Midday (noon to 5 pm)
time-of-day-evening = Evening (5 pm to 9 pm)
time-of-day-night = Night (9 pm to 5 am)
attendance-in-person = In person
attendance-online = Online
attendance-hybrid = In person and online
attendance-inactive = Temporarily closed
schedule-by-appointment = By appointment
schedule-until = { $start } to { $end }
schedule-day-time = { $day }, { $time }
schedule-zone = { $when } ({ $zone })
zone-time = { $place } time
# Beside a group's website: the fact sheet's own address, or a newer one (not from the fact sheet).
website-listed-in-fact-sheet = listed in the fact sheet
website-moved-short = a new address, not from the fact sheet
website-moved = a new address, not from the fact sheet (it lists { $listed })
# The fact sheet's date, said wherever its figures are shown (group pages and handouts).
fact-sheet-figures = Figures are the fact sheet's (spring 2008) and may have changed.
