# The philosophy matcher (/guide/match): its form, its 400 messages, the reasons under each
# suggestion, why a group is not offered, and the rules it states (with the points that score).

matcher-title = Philosophy matcher
matcher-description = Answer a few questions about a client's beliefs and needs to see which mutual support groups may suit them, with the reasons.
matcher-heading = Which groups might suit this client?
matcher-lead = People who agree with a group's way of thinking take part more, and active participation is linked to staying abstinent. Answer what you know; leave the rest. You will get more than one group to offer, as the fact sheet advises: offer a choice, and encourage trying several meetings.
matcher-suggestions = { $count ->
    [one] 1 group to offer
   *[other] { $count } groups to offer, best fit first
}
matcher-offered-first = Offered first (co-occurring disorders);
matcher-points = { $points } points:
matcher-fit-for = In favour:
matcher-fit-against = To consider:
matcher-fit-note = Note:
matcher-its-meetings = Its meetings
matcher-its-womens-meetings = Its women's meetings
matcher-handout = One-page handout
matcher-referral = Print a referral sheet with these choices
matcher-other-medication = Some groups may be more supportive of medication-assisted treatment than others. The fact sheet names a group only for opioid pharmacotherapy (medicine for opioid dependence, such as methadone), so ask a local group contact how its meetings see the client's medication.
matcher-not-offered-heading = Not offered this time
matcher-change = Change the answers
matcher-questions = The questions
matcher-for-legend = Who is the help for?
matcher-for-self = The client, for their own alcohol or drug use
matcher-for-family = A family member or friend of someone who drinks or uses
matcher-spiritual-legend = How does the client feel about a spiritual emphasis (a higher power)?
matcher-spiritual-welcome = Welcomes it; has strong religious beliefs
matcher-spiritual-neutral = No preference, or not known
matcher-spiritual-avoid = Would rather avoid it; prefers a secular approach
matcher-substance-legend = Which substance is the main concern?
matcher-substance-unknown = Not known, or several
matcher-substance-alcohol = Alcohol
matcher-substance-drugs = Drugs
matcher-substance-cocaine = Cocaine
matcher-substance-meth = Meth
matcher-substance-heroin = Heroin
matcher-substance-marijuana = Marijuana
matcher-mat-legend = Is the client on medication-assisted treatment (MAT)?
matcher-mat-no = No, or not known
matcher-mat-methadone = Yes: a medicine for opioid dependence (methadone, buprenorphine or another)
matcher-mat-other = Yes: another medication
matcher-women-legend = If the client is a woman: would she go to a group or meeting for women only?
matcher-women-no = No, not asked, or the client is not a woman
matcher-women-accept = Would be open to one
matcher-women-want = Would prefer one
matcher-more-legend = Anything else that applies
matcher-co-occurring = Also has a mental disorder (co-occurring disorders)
matcher-online = Wants online meetings or forums
matcher-submit = Suggest groups
matcher-how-heading = How the suggestions are made
matcher-how-text = The matcher follows what the fact sheet says about beliefs, families, co-occurring disorders, medication and women-only groups, and reads only each group's facts: the rules below, with their points, are the very ones that score. It does not match on gender, motivation or cognitive impairment alone: the fact sheet notes that matching clients on such traits alone has not been shown to work.
matcher-how-encourage = Encourage the client to go to several meetings, and to try another group if the first does not feel right.

# 400 messages: each names the question (the query's parameter) and its values.
matcher-error-yes-no = “{ $key }” can be yes or no.
matcher-error-for = “for” can be self or family.
matcher-error-spiritual = “spiritual” can be welcome, neutral or avoid.
matcher-error-mat = “mat” can be no, opioid (also methadone or buprenorphine) or other.
matcher-error-women-only = “women_only” can be want, accept or no.
matcher-error-substance = “substance” can be alcohol, drugs, cocaine, meth, heroin or marijuana.

# Reasons under a suggestion.
matcher-welcome-more = Strong religious beliefs go with more participation in this group.
matcher-welcome-less-effect = Religious belief did less to raise participation in this group.
matcher-welcome-less = Religious belief went with less participation in this group.
matcher-welcome-not-described = The fact sheet reports nothing on religious belief and this group; see its website.
matcher-avoid-secular = Secular: keeps recovery separate from spirituality.
matcher-avoid-none-mentioned = The fact sheet describes its approach without any spiritual element.
matcher-avoid-meditation = Encourages daily meditation but does not otherwise emphasise God or a higher power.
matcher-avoid-not-described = The fact sheet does not describe its approach; see its website.
matcher-avoid-higher-power = Includes a higher power, which some people are uncomfortable with.
matcher-avoid-twelve-step-by-site = A 12-Step group, which includes a higher power; the fact sheet does not describe it, so this is the site's own reading of what the group is.
matcher-welcome-twelve-step-by-site = A 12-Step group: the fact sheet links strong religious beliefs with more participation in the spiritually based 12-Step groups; it does not describe this one, so this is the site's own reading.
matcher-welcome-secular-no-finding = Secular: keeps recovery separate from spirituality. The fact sheet reports no finding on religious belief for it; the points are the site's own rule.
matcher-reason-family = Supports families, friends and significant others of people with a substance use disorder.
matcher-reason-co-occurring-first = Made for people with both a substance use disorder and a mental disorder: offered first (the site's own rule, not the fact sheet's).
matcher-reason-co-occurring-not-said = Made for people who also have a mental disorder.
# Joins the substances a group focuses on: "alcohol and any drug".
matcher-focus-and = and
matcher-reason-focuses = Focuses on { $focus }.
matcher-reason-covers = Covers { $substance } (its focus: { $focus }).
matcher-reason-other-focus = Focuses on { $focus }, not { $substance }.
matcher-reason-medication = The fact sheet says its members understand the benefits of opioid pharmacotherapy; its example is methadone, and buprenorphine and other medicines for opioid dependence are opioid pharmacotherapy too.
matcher-reason-women-wanted = Only for women, as the client wants.
matcher-reason-women-accepted = Only for women; the client would accept that.
matcher-reason-women-not-only = Not only for women; its women's meetings are suggested too (see its women's meetings in the finder).
matcher-reason-online = Offers online meetings or forums.
matcher-reason-committees = Has committees that work with providers to get clients to meetings.

# Why a group is not offered.
matcher-not-offered-women = Only for women: offered when the client wants or would accept a group for women only.
matcher-not-offered-fit = { $points } points; the groups offered fit these answers better (from { $cut } up).
matcher-not-offered-against = { $points } points: { $reasons }.

# The rules, as the page states them ($points and the like are signed points: "+20", "−10").
matcher-none-at-present = none at present
matcher-rule-who = Who the help is for: groups for families and friends are offered only when the help is for a family member or friend; the other groups only when it is for the client.
matcher-rule-women = Groups solely for women ({ $groups }) are offered only when the client wants or would accept a group for women only: { $points } when the client wants one, 0 when they would accept one.
matcher-rule-co-occurring = Co-occurring disorders: when the client has both a substance use disorder and a mental disorder, the groups made for co-occurring disorders ({ $groups }) come first, whatever the other answers, which only order them among themselves. When the client does not say so, they get { $points }. This rule is the site's own: the fact sheet names these groups but does not say to offer them first.
matcher-rule-substance = Substance: a group that names the client's substance gets { $specific } for a single drug (cocaine, crystal meth, heroin, marijuana) and { $names } for alcohol or any drug; a group for any drug or any substance that covers it, { $covers }; a group that focuses on other substances, { $other }; a group whose focus the fact sheet does not give, 0.
matcher-rule-welcome = Clients who welcome a spiritual emphasis: { $list }. The fact sheet links strong religious beliefs with more participation in the spiritually based 12-Step groups and Women for Sobriety, less of a rise in SMART Recovery, and lower participation in SOS.
matcher-rule-avoid = Clients who would rather avoid it: { $list }.
matcher-rule-not-described = Groups the fact sheet names without describing: a group that describes itself as a 12-Step group ({ $groups }) is scored as one, { $welcome } for clients who welcome a spiritual emphasis and { $avoid } for those who would rather avoid it; a secular group for which the fact sheet reports no finding on religious belief ({ $secular }) gets { $secular_points } for clients who welcome a spiritual emphasis. These are the site's own rules, not the fact sheet's.
matcher-rule-medication = Medication-assisted treatment: a client treated with { $medication } gets { $points } for the groups whose members, the fact sheet says, understand the benefits of opioid pharmacotherapy ({ $groups }). Other medication gives no points: the fact sheet names no group for it.
matcher-rule-online = Online: { $points } for the groups the fact sheet names as offering online meetings or forums ({ $groups }), when the client wants them.
matcher-rule-order = Order: most points first; on equal points, 12-Step groups first (the fact sheet calls them the most widely available), then by name. Shown: every group within { $reach } points of the best, at least { $least } and at most { $most }; the others are listed as not offered, with why. Notes without points (such as committees that work with providers) do not change the order.
matcher-near = Where the client lives, for the referral sheet's meetings (a town, region or postal code; optional, not scored)
