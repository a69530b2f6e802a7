"""Boilerplate lines: whole paragraphs that are page furniture, not article content.

Each pattern is a regular expression that must match a paragraph's *whole* text, case-insensitively;
a space in a pattern matches any run of white space (`` ?`` any run or none), and white space,
dashes, stars, bullets, brackets and pointing pictographs around the label (``— Advertisement
—``, ``[Anzeige]``, ``【广告】``, ``👉 Read more``) and trailing punctuation (``.:!…»›>``) are
allowed. A sentence that merely contains
"advertisement" is content, and is never matched.

:data:`DEFAULT_PATTERNS` covers English, German, French, Spanish, Italian, Portuguese, Dutch,
Polish, Czech, the Scandinavian languages, Finnish, Hungarian, Romanian, Greek, Turkish, Russian,
Ukrainian, Arabic, Hindi, Chinese, Japanese and Korean: advertisement labels, "read more" and
"related" lines, share, follow and subscribe prompts, comment counts, "all rights reserved" and
the like; in English also a paywall's, a newsletter box's, a comment section's, a media
player's and an embedded post's lines, and footer links in a row (one alone may be an article's
heading: "Terms of Use"). Extend it with the ``boilerplate_patterns`` option of
:func:`textclean.dedupe` (your patterns are added to the defaults), or turn the step off with
``boilerplate=False``.

>>> matcher = BoilerplateMatcher()
>>> matcher.match("ADVERTISEMENT").startswith("advertisement|")
True
>>> matcher.match("Story continues below advertisement") is not None
True
>>> matcher.match("The advertisement ran in three newspapers.") is None
True
>>> matcher.match("— Anzeige —") is not None, matcher.match("【广告】") is not None
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

import regex

from textclean.canonical import canonical_paragraphs

__all__ = ["DEFAULT_PATTERNS", "BoilerplateMatcher", "boilerplate_matcher", "is_footer_link"]

# A short headline may follow "Read more:" and its kin; these match up to 200 characters of it,
# but not a sentence of more than twelve words ended by a full stop (after a word, not an
# abbreviation's "N.Y.C."), which no headline is ("Related: The mayor's office said the ...").
# The pictographs that point at a link or a button, as a social post's lines: "👉 Read more:
# ...", "Full story 👇 https://...", "🔔 Subscribe"
_POINTERS = "👉👇👆➡⬇⏩▶►🔗📩📧🔔📣📌📰🧵\ufe0f"
_LINK_AFTER = rf"([\s:：{_POINTERS}]*https?://\S+)?"  # (a link printed after its words)
_TAIL = r"(?:\s*[:：\-–—|]\s*(?!\s*(?:\S+\s+){12,}.*\s[^.\s]{2,}\.$).{0,200})?"
# Items of a row of links, each pattern repeating its alternation after a separator.
_SHARE_BUTTON = (
    r"(facebook|twitter|x|linkedin|whatsapp|e-?mail|pinterest|reddit|telegram|print|copy link"
    r"|flipboard|messenger)"
)
_SHARE_LINK = (
    r"(share( this)?( (article|story|page|post))?"
    r"( (on|via|by|with) (facebook|twitter|x|linkedin|whatsapp|email|e-mail|sms|messenger))?"
    r"|tweet( this)?)"
)
_SHARE_ITEM = rf"({_SHARE_LINK}|e-?mail( this)?( (article|story|page|post|link))?)"  # (in a row)
# Where a site asks to be followed ("Follow us on X, Threads and Bluesky")
_FOLLOWED = r"(facebook|twitter|x|instagram|linkedin|tiktok|youtube|threads|bluesky|mastodon)"
# The page an AMP copy links to ("the full site", "our website")
_FULL_SITE = r"(the |our )?(full |main |desktop )?(site|website|web site|page)"
_FOOTER_LINK = (
    r"(terms (of (service|use)|and conditions)|privacy (policy|notice|settings)|contact us"
    r"|about us|accessibility( statement)?|site ?map|cookie policy|careers|advertise( with us)?"
    r"|help( cent(er|re))?|faqs?)"
)
# ... and in German, French, Spanish and Italian (canonical text: for a menu's run of lines;
# not in the row's pattern, which each first letter's alternation would compile again)
_FOREIGN_FOOTER_LINK = (
    r"impressum|datenschutz(erkl[äa]rung)?|agb|mentions l[ée]gales|plan du site"
    r"|politique de confidentialit[ée]|conditions g[ée]n[ée]rales d utilisation|aviso legal"
    r"|pol[íi]tica de (privacidad|cookies)|mapa del sitio|note legali"
    r"|informativa sulla privacy|cookie ?richtlinie|kontakt|[üu]ber uns|nous contacter"
    r"|qui sommes nous|contacto|qui[ée]nes somos|contatti|chi siamo"
)
_A_FOOTER_LINK = re.compile(f"{_FOOTER_LINK}|{_FOREIGN_FOOTER_LINK}", re.IGNORECASE)


def is_footer_link(canonical: str) -> bool:
    """Whether the canonical text of a line is one link of a page's footer (alone, it may be an
    article's heading too: "Terms of Use" in a guide to writing them).

    >>> is_footer_link("privacy policy"), is_footer_link("sitemap"), is_footer_link("policy")
    (True, True, False)
    """
    return _A_FOOTER_LINK.fullmatch(canonical) is not None


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"  # (a month's name opens so)
POST_SIGNATURE = (
    r"(—|–|-{1,2})\s*([\p{Lu}\p{N}][^\s()]*\s+){1,6}\(@\w{1,15}\)\s*"
    rf"{_MONTH}[a-z]{{0,6}}\.? \d{{1,2}},? \d{{4}}"
)
"""An embedded post's signature line ("— Jane Doe (@janedoe) March 3, 2024"). It opens with a
dash, as a list's item does: a matcher tries it apart, on the lines that hold "(@" only, so that
the items are matched as the patterns after their bullet."""

PHOTO_AGENCIES = (
    "Getty Images", "Reuters", "AFP", "AP", "EPA", "EPA-EFE", "Shutterstock", "Alamy", "iStock",
    "Bloomberg", "PA", "PA Media", "PA Images", "PA Wire", "dpa", "ANSA", "Xinhua", "NurPhoto",
    "SOPA Images", "ZUMA Press", "Sipa USA",
)  # fmt: skip
"""The agencies whose names end a photo's credit ("Jane Doe/Getty Images", "Reuters")."""
PHOTO_AGENCY_NAMES = "|".join(
    re.escape(name).replace("\\ ", " ") for name in sorted(PHOTO_AGENCIES, key=len, reverse=True)
)
"""Their names as an alternation of a regular expression, the longest first."""
_NAME = r"(?-i:\p{Lu})[\p{L}'’.-]*"  # (a name's word: "Jane", "O'Neil", "J.")
_TAG = r"[\w&'’-]+( [\w&'’-]+){0,2}"  # (a tag of up to three words: "local government")
_PODCAST_APP = r"(apple podcasts|spotify|youtube music|google podcasts|overcast|pocket casts)"
_ITEM = r"(?-i:\p{Lu})[^.!?\n,|/]{0,30}"  # (a category's name: "World", "Local news")
# (a count under a social post: "1,234 reactions", "56 comments", "1.2K views")
_COUNT = r"[\d,.]+[km]? (reactions?|likes?|comments?|shares?|views?|reads?|retweets?|reposts?)"

LONG_LINES = (
    r"we and our \d[\d,]* (partners|vendors) (store|process|use|may)[^\n]{0,800}",
    r"some (of our )?partners do not ask for your consent to process your data[^\n]{0,800}",
    r"with your permission,? we and our partners may use precise geolocation data[^\n]{0,800}",
)
"""A consent dialog's paragraphs ("We and our 842 partners store and/or access information on
a device, ..."): boilerplate up to :data:`MAX_LONG_CHARS` characters, where the other patterns
stop at :data:`MAX_LINE_CHARS`."""

CREDIT_LINES = (
    rf"{_NAME}(\s+({_NAME}|de|van|von|da|del|la|le)){{1,4}}\s*/\s*({PHOTO_AGENCY_NAMES})"
    r"(\s+via\s+getty images)?",
    rf"({PHOTO_AGENCY_NAMES})(\s+photo)?\s*/\s*{_NAME}(\s+{_NAME}){{0,4}}",
)
"""A photo's credit on a line of its own, under its caption or a "toggle caption" switch: two
names or more and an agency's ("Jane Doe/Getty Images", "Jane Doe/AFP via Getty Images"), or
the agency's first ("AP Photo/Jane Doe", "REUTERS/Jane Doe"). At a caption's end a credit is
the caption's own, no link run in (see :meth:`BoilerplateMatcher.matched_text`); one name is the
end of a longer credit, and an agency's name alone may be a heading."""
LABELLED_CREDIT = (
    r"((photo|image|picture|photograph)( credit)?|credit)\s*[:：]\s*"
    rf"({_NAME}(\s+({_NAME}|de|van|von|da|del|la|le)){{0,4}}\s*/\s*)?({PHOTO_AGENCY_NAMES})"
    r"(\s+via\s+getty images)?"
)
"""... and after a photo's label, with one name or the agency's alone ("Photo: Getty Images",
"Credit: Jane Doe/AP"; "Source: Reuters" under a table names its data's)."""

PROMPT_SENDER = r"[^\n]{1,60} wants to send you notifications"
"""A browser's push prompt, naming the site ("Harbour Gazette wants to send you
notifications"): it may start as any paragraph does, and is tried apart."""

DEFAULT_PATTERNS: tuple[str, ...] = (
    # English
    r"advertisement|advertising|sponsored( content)?|paid (post|content)|ad",
    r"(advertisement|ad)(\s*[-–—:|·•]\s*|\s+)(scroll (down )?to continue( reading| with content)?"
    r"|continue reading below)",
    r"(the )?(story|article|content) continues( (below|after)( (this |the )?(advertisement|ad))?)?",
    r"skip (advertisement|ad)",
    # (also "... on the full site", an AMP page's link to the page it renders)
    r"(continue|keep) reading( (below|the (main |full |whole )?(story|article)"
    r"|this (story|article)|on " + _FULL_SITE + "))?",
    r"read the rest of (this|the) (story|article|post)",
    r"scroll (down )?to continue( reading| with (the )?content)?",
    # "Share this article", or a row of share links run together ("Share on Facebook Share on
    # Twitter Share via Email", "Tweet this Share on Facebook")
    rf"{_SHARE_LINK}((\s*[|·/•]\s*|\s+){_SHARE_ITEM})*",
    r"(share|tweet|email|print|save|copy link)"
    r"( ?(\||·|/)?\s*(share|tweet|email|print|save|copy link))+",
    r"(sign up|subscribe)( now)?( (for|to))? (our|the) (free )?(\w+ )?"
    r"(newsletters?|briefings?|digests?|bulletins?)"
    r"( (to|and|for) [^.!?]{0,100})?" + _TAIL,  # ("... newsletter to get the latest news")
    r"(sign up|subscribe)( now)?( (for|to))? (free|daily|weekly)? ?(updates|alerts|emails)",
    # ("Subscribe to the Harbour Gazette for more local news"; not "... to see how they voted")
    r"(subscribe|sign up) to (the |our )?[^.!?]{1,60}? for (more|the latest|all the latest)"
    r"( \w+){0,4}",
    r"(subscribe|sign up|register)( (now|today|here))?",
    # An account's links in a row ("Sign in | Register"; one alone may be a guide's heading)
    r"((log|sign) ?(in|out)|register|subscribe|sign up|create an account|my account)"
    r"((\s*[|·/•]\s*|\s+(or|and)\s+)((log|sign) ?(in|out)|register|subscribe|sign up"
    r"|create an account|my account))+",
    # A paywall's line under the lede
    r"(subscribe|sign up|sign in|log in|register)( (now|today|here))? to (continue|keep) reading"
    r"( (this|the) (article|story))?",
    r"to (continue|keep) reading( (this|the) (article|story))?",
    r"to ((continue|keep) reading( (this|the) (article|story))?|read (the|this) (full|whole)"
    r" (article|story)( (and more|in full))?),? (please )?"
    r"(subscribe|sign up|sign in|log in|register)( (now|today|here))?",
    r"(this|the) (article|story|content) is (only )?(for|available to|reserved for|exclusive to)"
    r" (paying )?(subscribers|members)( only)?",
    r"(for )?(paying )?subscribers only",
    r"(please )?((log|sign) in|subscribe|register|sign up|create a( free)? account)"
    r"( (or|and) ((log|sign) in|subscribe|register|sign up|create a( free)? account))?"
    r"( for free)? to (continue( reading)?|keep reading|read (more|on|this (article|story)"
    r"|the (full|whole|rest of the) (article|story))|access (this|the full) (article|story)"
    r"|unlock this (article|story))",
    r"become a (member|subscriber) to (read|continue reading|access|unlock)"
    r"( (this|the( full)?) (article|story|content))?",
    r"want to (read|see) more\??( (subscribe|sign up|log in|sign in|register)"
    r"( (now|today|here))?)?",
    r"((subscribe|sign up)( now| today)? for|get) (full|unlimited|complete|instant)"
    r"( digital)? access(?![^.!?]*,\s*(the|a|an|his|her|their|its|\p{Lu}\w*)( \w+){0,3} (said|says"
    r"|told|wrote|writes|added|explained|announced|reported)\b)"  # (not a statement quoted)
    r"( to [^.!?]{0,60})?( (for|from) (just |only )?[^.!?]{1,30})?\.?",
    r"you( have|'ve) (reached|hit|used( up)?) (your|the) (free )?(article )?(limit|maximum|quota)"
    r"( of (\d+ )?free (articles|stories))?( (this|for the) month)?",
    r"you have \d+ free (articles?|stories) (left|remaining)( this month)?",
    r"unlock (this|the( full)?) (article|story)|start (your|a) free trial( (now|today))?",
    r"already have an account\??( (log|sign) in)?|register for free",
    r"support (our|independent|quality|local) journalism|donate (now|today)",
    r"(sponsored|paid for|brought to you) by( \S+){1,6}",
    r"(advertisement|advertising|sponsored|partner|promoted) (feature|content|post|story)",
    # A row of share buttons
    _SHARE_BUTTON + r"((\s*[|·/•]\s*|\s+)" + _SHARE_BUTTON + ")+",
    r"subscribe to (our|the) (youtube|telegram|whatsapp) channel",
    # A blog's feed under each post's excerpt: "The post <Title> appeared first on <Site>." (a
    # title and a name, each from a capital: not "The post office appeared first on the list"),
    # "Continue reading <Title> at <Site>."
    r"the post (?-i:[\p{Lu}\p{N}\"“‘']).{0,200} (appeared first|first appeared) on"
    r" ((?-i:[\p{Lu}\p{N}]).{0,100}|https?://\S+|[\w.-]+\.[a-z]{2,}\.?)",
    r"continue reading (?-i:[\p{Lu}\p{N}\"“‘']).{0,200} at"
    r" ((?-i:[\p{Lu}\p{N}])[^,;:!?]{0,100}|https?://\S+|[\w.-]+\.[a-z]{2,}\.?)",
    r"(image|photo|picture|slide) \d+ (of|/) \d+",  # (a gallery's counter; not "10 / 10")
    # What a page embeds, as a scraper leaves it in brackets ("[embed]", "[Image]"), or a
    # label with nothing after it ("Photo:")
    r"\[(image|photo|picture|video|embed|media|audio|graphic|chart|map|gallery|tweet|instagram"
    r"|iframe)( \d+)?\]|(photo|image|picture|video)\s*[:：]",
    # A gallery's heading and links ("Gallery (9 photos)", "View all 12 photos"; not "Next",
    # which heads a section of an article in the corpus)
    r"((photo |image )?gallery|slide ?show)\s*[(:]?\s*\d+ (photos|images|pictures|slides)\)?"
    r"|\d+ (photos|images|pictures)|(view|open|see|browse) (the |full )?(gallery|slide ?show)"
    r"|(view|see) all \d+ (photos|images|pictures)|close (this )?window",
    # A page's marker where a scraper joined the pages of an article ("Page 2 of 3", "Seite 2",
    # "Página 2 de 3", "Continued on page 2")
    r"(page|seite|p[áa]gina|strona|strana|sida|sivu)\s+\d{1,3}"
    r"(\s*(of|von|de|di|sur|/|z|ze|av|af)\s*\d{1,3})?|continued (on|from) page \d{1,3}",
    r"(next|previous|prev) (article|story|post|page)|(read|up|watch) next",
    r"(continue|go|turn|skip|jump)( reading)? (on|to) (the )?(next )?page( \d{1,3})?",
    # A pager's links, their arrows with them ("Next »", "« Previous", "Older posts ›"; "Next"
    # alone may head a guide's last step)
    r"(next|older|newer)( (page|posts?|entries|articles?|stories))?\s*[»›→]"
    r"|[«‹←]\s*(previous|prev|older|newer)( (page|posts?|entries|articles?|stories))?",
    # An AMP page's links to the page it renders ("View non-AMP version", "Tap to read full
    # story"; "Continue reading ..." and "Read the full story ..." above and below)
    r"(view|see|visit|go to) (the )?(full|desktop|standard|classic|non-amp) (site|website|version)"
    r"( of this (page|article|story))?",
    r"(tap|click) (here )?to (read|view|see) (the )?(full|whole|complete) (story|article)",
    # ("More stories", "More from this section", "More on this story"; not "More on Technical SEO")
    r"more (stories|articles)( (from|on|in) (this|the) (section|site|topic|series))?"
    r"|more (from|on|in|about) this (section|story|topic|series|site)",
    r"((hide|show|toggle) )?caption|enlarge this image|\(?opens in (a )?new (window|tab)\)?",
    r"our standards\s*[:：]\s*.{0,80}principles\.?(,? opens new tab)?",
    # A wire story's note on a site that prints a feed unedited
    r"\(?(except for the headline, )?this (story|report|article) has not been edited by"
    r" [^.!?\n]{1,60} staff and is (auto-generated|published) from a syndicated feed\.?\)?",
    r"\(?only the headline and picture of this report may have been reworked by [^.!?\n]{1,60}"
    r" staff; the rest of the content is auto-generated from a syndicated feed\.?\)?",
    r"(disclaimer: )?this (story|report|article) (is|has been) auto-generated from a syndicated"
    r" feed[^\n]{0,160}",
    r"full (story|article)" + _LINK_AFTER,
    r"(read|see) (more|also)" + _TAIL,
    # A related story's link, "MORE: <headline>" in capitals (not "More: the council said ...":
    # a headline of twelve words at most that ends no sentence)
    r"(?-i:MORE)\s*[:：]\s*(?!(?:\S+\s+){12,})(?![^\n]*\.\s*$)[^.!?]{3,120}[?!]?",
    r"(article )?preview",
    r"also (read|see)" + _TAIL,
    # A paywall's pitch under the article ("Enjoying this article? Subscribe for unlimited access.")
    r"enjoying (this|the|our) (article|story|content|journalism)\??( (subscribe|sign up|become a"
    r" (member|subscriber))[^.!?]{0,80}[.!]?)?",
    r"(show|load|view|see) (more|less|all)( (comments|replies|results|stories|articles))?",
    r"print( this)?( (page|article|story|post))?( \| [\w.-]+)?",  # (the site's name after)
    r"(e-?mail|save|bookmark|gift|embed) (this )?(article|story|page|link)",
    r"(copy|copied) link|link copied( to (the )?clipboard)?",
    r"printed (from|on) \S+( on \S+( \S+){0,3})?",  # a print version's header
    r"printed from (the|our) (web|online|digital) (edition|version|site)",
    r"source url: https?://\S+",  # ... and its footer
    # A link to another rendering of the page ("AMP version", "Printer-friendly version"; not
    # "Mobile version", a review's heading as well)
    r"((view|see|switch to|go to) )?(the )?(amp|print(er)?[- ]friendly|plain[- ]text)"
    r" (version|page|view)( of this (page|article|story))?",
    r"click to (share on \w+|email( a link to a friend| this to a friend)?|print)"
    r"( \(opens in (a )?new window\))?",
    r"related( (articles?|stories|coverage|content|reading|posts?|links?|topics|videos?|news"
    r"|searches))?" + _TAIL,
    r"(topics|tags)\s*[:：]\s*\w[^.!?()\[\]{}<>=;]{0,200}",  # ("Tags: politics, ports"; not code)
    r"filed (under|in)\s*[:：]\s*\w[^.!?()\[\]{}<>=;]{0,200}",  # ("Filed under: Politics")
    r"trending( (now|stories|articles))?",
    # (and a newspaper's masthead links: "Today's Paper", "E-Edition"; "Print Edition" may head
    # a review of one)
    r"today['’]?s paper|e[- ]?edition|top stories( this hour| today)?"
    r"|editor['’]?s['’]? (picks|choice)"
    r"|latest (news|stories|headlines|updates)"
    r"|don['’]?t miss( this)?",
    # An ad network's block ("Sponsored Links", "Around the Web") and its feedback link
    r"sponsored (links|stories|headlines)|promoted (stories|links|content)|around the web"
    r"|from (our|the web's) partners|more from our network|ad feedback",
    r"(advertisement\s*){2,}",  # ("Advertisement Advertisement": a slot's label and its alt)
    r"recommended( (for you|stories|articles|reading))?",
    r"you (may|might) (also )?(like|enjoy|be interested in)( (this|these))?",
    r"newsletters?",
    # (a box of the site's most read stories: "Most viewed in News", "What others are reading")
    r"most (read|popular|viewed|shared)( (stories|articles|now)| in [\w ]{1,20})?"
    r"|what others are reading|popular right now",
    # A cookie banner: "We use cookies to give you the best experience. By continuing ..." (not
    # a statement someone made: "..., the bank said")
    r"(we|this (web)?site|our (web)?site) uses? cookies"
    r"(?![^.!?]*\b(said|says|told|according|admitted|claimed|alleged?s?|wrote|writes"
    r"|argued?s?|reported|reports|found|finds|showed|shows)\b)"
    r"( and (similar|other) technologies)?"
    r"( to [^.!?]{0,160}\b(experience|services?|website|site|content|advertising|ads|traffic"
    r"|visits|preferences|campaigns|analytics|performance)\b"
    r"[^.!?]{0,80})?"
    r"(\.\s*(by (continuing|using|browsing)|if you continue|you (can|may)"
    r"|to (find|learn) (out )?more|for (more|further|settings)|read our|see our|learn more"
    r"|find out more)"
    r"[^.!?]{0,200})?",
    r"(accept|allow|reject|decline)( all| necessary)? cookies|(accept|reject) all",
    r"(manage|customi[sz]e) (cookies|(cookie )?(preferences|settings))"
    r"|cookie (policy|notice|settings|preferences)",
    r"follow @\w{1,30}( on (twitter|x|instagram|threads|bluesky|tiktok|facebook))?\.?",
    r"(follow|like) us( on " + _FOLLOWED + r"((,|,? (and|or|&)) " + _FOLLOWED + r")*"
    r")?( for (more|the latest)( \w+){0,4})?",  # (" ... for more stories")
    # A law's link in a footer ("Do Not Sell or Share My Personal Information")
    r"do not (sell|share)( or (sell|share))? my (personal )?info(rmation)?|your privacy choices",
    # ("Click here to subscribe", "... for just $1 a week")
    r"click here to (subscribe|read more|learn more|sign up|continue)"
    r"( (for|from) (just |only )?\S*\d\S*( (a|per) (week|month|year))?)?",
    # A newsletter box's pitch ("Get the best of our journalism delivered to your inbox every
    # morning. Sign up now")
    r"get [^.!?]{0,80} (delivered )?(straight )?(to|in) your inbox( (every|each) (morning|day"
    r"|evening|week(day)?)| daily| weekly)?\.?( sign up( (now|here|today))?)?",
    # The banner over an old article ("This article is more than 2 years old")
    r"this (article|story|page|content) is (more than|over) (\d+|a|an|one|two|three|four|five"
    r"|six|seven|eight|nine|ten) (years?|months?|weeks?|days?) old",
    # A page's skip links ("Skip to main content", "Jump to navigation", "Skip to footer")
    r"(skip|jump) to (the )?(main )?(content|navigation|menu|search|footer|sidebar"
    r"|accessibility (options|tools|menu))",
    r"already a (subscriber|member)\??( (log|sign) in)?",
    r"(log|sign) in to (continue|read|comment)",
    r"loading( (comments|video|content))?",
    r"watch( the)? video",
    # ("Watch: <a video's title>", as "Read more: <headline>"; "Watch" alone may head a review)
    r"watch now|watch( now| video)?(?=\s*[:：\-–—|])" + _TAIL,
    r"open (it )?in (the )?app|(get|download) (the|our) app( for (the|a) (best|better|full)"
    r" experience)?|read in (the )?app|continue in (the )?browser",
    r"share (the )?full article|go to (the )?home ?page\s*[»›→]?|site index",
    r"continue reading with an? (subscription|account)|subscriber exclusive"
    r"|cancel (at )?any ?time\.?",
    r"listen\s*[·•|:\-–—]\s*(\d+ min(ute)?s?|\d{1,2}:\d{2}( min(ute)?s?)?)",
    r"continue reading (your|this) (article|story) with an? .{0,40}subscription",
    r"this (content|video|media) is not available in your (region|country|location)",
    r"(have|got) a (news )?(tip|story)\?( (email|contact|write to) us( at \S+)?\.?)?",
    r"send us a (news )?tip",
    # A feedback widget's questions under the article (its answers go beside them, see
    # match.settle; "Thank you for your feedback!" is a corpus's reference text, and stays)
    r"(was|is) this (article|page|story|post|information) (helpful|useful)\??",
    r"(spotted|found|see) (a|an) (mistake|error|typo)\??( (let us know|tell us|report it)[.!]?)?",
    r"(how (would you rate|do you feel about)|what did you think of) this (article|story)\??",
    # A push prompt's lines (its buttons too)
    r"we['’]?d like to show you notifications for the latest news and updates\.?",
    r"(turn on|enable|allow) (push |browser |desktop )?notifications( for [^\n]{1,80})?[.!]?"
    r"|never miss a (story|thing)[.!]? turn on (push )?notifications[.!]?",
    PROMPT_SENDER,
    r"get breaking news alerts from [^\n]{1,60}\?",
    r"stay informed: enable push notifications[^\n]{0,80}",
    # A chart's or map's embed, as a scraper reads it out of the frame (Datawrapper, Flourish,
    # Google Maps; its buttons go beside these lines)
    r"(created|made) with (datawrapper|flourish|infogram)|powered by infogram"
    r"|a flourish (chart|map|data visuali[sz]ation)"
    r"|this (chart|graphic|map|table|visuali[sz]ation) is interactive\.?"
    r"( (hover|tap|click|scroll)[^.!?\n]{0,80}[.!]?)?",
    # ... and its byline row ("Chart: Harbour Gazette • Source: ONS • Get the data • Created
    # with Datawrapper")
    r"(chart|map|table|graphic)\s*:[^\n]{0,160}[•·|]\s*created with datawrapper"
    r"|loading (chart|map|graphic)(…|\.\.\.)?",
    r"map data ©\s*\d{4}[^\n]{0,80}|use ctrl \+ scroll to zoom the map"
    r"|drag pegman onto the map to open street view|report a map error|view larger map",
    r"get (our|the) (free )?(\w+ )?newsletters?( (in|to) your inbox)?",
    # A media player's and an embedded post's lines, which a scraper reads out of the page with
    # the article (video.js's dialogs and counters, the fallback text of an Instagram post)
    r"play video",
    r"(the )?(video )?player is loading",
    r"no compatible source was found for this media",
    r"this is a modal window\.?( this modal can be closed by pressing the escape key or"
    r" activating the close button)?",
    r"(beginning|end) of dialog window\.?( escape will cancel and close the window)?",
    r"(current time|duration( time)?|remaining time) (-?0:00|-:-)",  # (before it plays)
    r"0:00\s*/\s*(\d{1,2}:)?\d{1,2}:\d{2}",  # (an audio player's counter: "0:00 / 3:45")
    r"(loaded|progress): 0(\.0+)?%",
    r"stream type live",
    r"seek to live, currently (behind|playing) live",
    r"playback rate",
    r"(descriptions|captions|subtitles) off, selected",
    r"(captions|subtitles) settings, opens (captions|subtitles) settings dialog",
    r"audio track",
    r"(exit |non-)?fullscreen",
    r"(un)?mute",
    r"your browser does not support (the |this )?(video|audio|iframe|html5 video)"
    r"( (tag|element|player|file))?",
    r"(please )?(enable|turn on) javascript( in your browser)? to (view|see|watch|play|use|get)"
    r" [^.!?]{0,80}",
    r"show key events only",  # (a live blog's switch)
    r"view (this post|more) on (instagram|threads|facebook|tiktok|x|twitter)",
    # An embedded post's frame: the consent box a page shows in its place, its skip links, its
    # links out and its signature line ("— Jane Doe (@janedoe) March 3, 2024")
    r"(embedded|instagram|twitter|x|youtube|tiktok|facebook|bluesky|threads) content",
    r"this content can also be viewed on the (web)?site it originates from\.?",
    r"allow (twitter|x|instagram|youtube|tiktok|facebook|bluesky|threads) content\??",
    r"accept and continue",
    r"(view|read more|see more) on (x|twitter|instagram|threads|tiktok|facebook|youtube|bluesky)"
    r"|post on x",
    r"(skip|end of) (twitter|x|instagram|facebook|tiktok|youtube|bluesky) (post|content|video)"
    r"( by [^.!?]{1,60})?",
    r"a post shared by [^()\n]{1,60}( \(@[\w.]{1,30}\))?",
    # An embedded social post's own lines: its counts ("1,234 reactions · 56 comments · 7
    # shares", "651 likes", "👍❤️😮 1.3K"), its time ("14h · 🌐", "5 March 2024 ·"), a row of
    # hashtags ("#Harbour #news") and its link ("Continue reading on our website: https://...",
    # "Full story at the link in our bio."; a bare link after "🔗" or "👉" is a list's item)
    rf"{_COUNT}(( ?[·•|,])? {_COUNT})*",
    r"\p{Extended_Pictographic}[\p{Extended_Pictographic}\uFE0F\u200D]{0,8} ?[\d,.]+[km]?",
    rf"(\d{{1,2}} ?(h|m|min|hr|hrs|d|w)|\d{{1,2}} {_MONTH}[a-z]{{0,6}}( \d{{4}})?"
    rf"|{_MONTH}[a-z]{{0,6}} \d{{1,2}}(,? \d{{4}})?) ·( ?🌐)?",
    r"#\w+( #\w+)+",
    r"continue reading( on our (web)?site)?:? https?://\S+",
    r"(👉 ?)?(read more|full story|more) (at|via|through) (the )?link in (our|my|the) bio[.!]?",
    POST_SIGNATURE,
    r"watch on (youtube|vimeo|facebook|instagram|tiktok|x|twitter|twitch|dailymotion)",
    # (an embedded YouTube player's text, where a scraper read the frame too)
    r"if playback doesn['’]?t begin shortly,? try restarting your device\.?",
    r"videos you watch may be added to the tv['’]?s watch history and influence tv"
    r" recommendations\.?( to avoid this,? cancel and sign in to youtube on your computer\.?)?",
    r"an error occurred while retrieving sharing information\.?( please try again later\.?)?",
    r"you['’]?re signed out|tap to unmute|include playlist|switch camera",
    r"♬ [^\n]{1,150}",  # (an embedded TikTok's sound: "♬ original sound - Jane Doe")
    # A translation widget's lines (Google's website translator) and an accessibility
    # overlay's (UserWay's and the like: its buttons go beside them, see match.settle)
    r"powered by (google )?translate|rate this translation|translate this (page|site|website)",
    r"your feedback will be used to help improve google translate",
    r"translations? (are|is) (provided|powered) by google translate[^\n]{0,300}",
    r"(select|choose) (a |your )?language",
    r"use (the )?website in a screen-reader mode|(web )?accessibility (solution|widget|menu)"
    r"( by [\w.]+)?|powered by userway",
    r"press alt\+\d+ for screen-reader mode,? alt\+\d+ to cancel",
    r"like loading",
    r"click to (expand|enlarge)",
    r"open (this photo|image) in (the )?gallery|expand image",
    r"(image|media|video) caption,?",  # (a label on a line of its own before the caption)
    r"image source\s*,\s*[^.!?]{1,80}",  # (the credit line that a BBC page prints so)
    *CREDIT_LINES,
    LABELLED_CREDIT,
    # A consent dialog's lines beyond its banner: the frameworks' text ("We and our 842
    # partners store and/or access information on a device, ..."), its headings and buttons
    *LONG_LINES,
    r"we (value|care about|respect) your privacy|cookie consent",
    r"(continue|close) without accepting|agree and (close|continue)|show purposes|save and exit"
    r"|i accept( all)?( cookies)?",
    # ("By using this site, you agree to our Privacy Policy and Terms of Use.")
    r"by (using|continuing to use|browsing|visiting) (this|our) (web)?site,? you (agree|consent)"
    r"[^.!?]{0,160}\b(cookies|privacy|terms)\b[^.!?]{0,80}",
    # An archive's frame around the page it saved: the Wayback Machine's, Google's cache,
    # archive.today's
    r"the wayback machine\s*-\s*https?://web\.archive\.org/\S+",
    r"\d[\d,]* captures|about this capture|collected by|timestamps|organization: internet archive",
    r"this is google's cache of \S+ it is a snapshot of the page as it appeared on [^\n]{0,80}",
    r"the current page could have changed in the meantime\.( learn more\.?)?",
    r"full version|text-only version|view source",
    r"tip: to quickly find your search term on this page, press ctrl\+f[^\n]{0,120}",
    r"archive\.(today|ph|is)( webpage capture)?|saved from https?://\S+|webpage screenshot"
    r"|all snapshots from host \S+|share download \.zip report bug or abuse|redirected from"
    r"|history ←prior next→",
    rf"\d{{1,2}} {_MONTH} \d{{4}} \d{{2}}:\d{{2}}:\d{{2}} utc",
    # An audio or video player's controls and notes
    # ("Play" or "Listen" alone may head a section: "Play", a web framework)
    r"autoplay|unmute|now playing|(download|play) (the )?audio|video ad feedback"
    r"|press play( to listen to this (article|story))?|[0-2](\.\d{1,2})?x",
    r"(this )?audio (is )?(auto-?generated|generated (by|using) (ai|artificial intelligence))"
    r"[^\n]{0,120}|voiced by (ai|artificial intelligence)\.?",
    rf"narrated by {_NAME}(\s+{_NAME}){{0,3}}|powered by (trinity audio|beyondwords|ad auris)",
    # A breadcrumb trail after its label, a pager's links to the next and previous posts, a
    # post's categories
    r"you are here\s*[:：]\s*[^.!?\n]{1,200}",
    r"(previous|prev|next|older|newer) (post|article|story)\s*[:：]\s*[^\n]{1,150}"
    r"|«\s*(previous|prev|older)\s*[:：]\s*[^\n]{1,150}|(next|newer)\s*[:：]\s*[^\n»]{1,150}»",
    # ("Categories: News, World"; "Category: Fiction" may be a row of a book's details)
    rf"categories\s*[:：]\s*{_ITEM}(\s*[,|/]\s*{_ITEM}){{0,9}}",
    # ("Tagged economy, local government", "More from Food & Drink": names, no sentence)
    rf"tagged\s*[:：]?\s*{_TAG}(\s*,\s*{_TAG}){{1,9}}"
    rf"|more from {_NAME}(\s+({_NAME}|&|and|of|the)){{0,3}}",
    # A dump of the page's meta tags ("og:type: article", "twitter:card = summary")
    r"(og|twitter|article|fb|al|dc|dcterms):[\w:.-]+(\s*[:=|]\s*|\s+)[^\n]{0,300}",
    r"canonical\s*[:=|]?\s*https?://\S+",
    # ("keywords = ...", "title = ...": with a bar, "Title | Author | Year" heads a table)
    rf"keywords\s*=\s*{_TAG}(\s*,\s*{_TAG}){{0,15}}|(title|description)\s*=\s*[^\n]{{1,300}}"
    rf"|author\s*=\s*{_NAME}(\s+{_NAME}){{0,3}}",
    # A printed page's footer: its address and number ("https://example.org/story 3/9")
    r"https?://\S+\s+\d{1,3}/\d{1,3}",
    r"(show|hide|view|read) (the )?(full )?transcript",
    r"sign up for free|create (a|your) free account",
    r"supported by",
    r"(jump to|print|pin|save|rate this) recipe",
    r"did you (make|try) this recipe\?( [^.!?]{0,80}[.!]?)?",
    # ("Listen to this article", "... · 5:32 min", "6 min read"; a line "Reading Time: 8 minutes"
    # opens a post in the corpus's reference text, and stays)
    r"(listen to|play) (this )?(article|story)(\s*[·•|:\-–—]?\s*(\d+ min(ute)?s?|\d{1,2}:\d{2}"
    r"( min(ute)?s?)?))?",
    r"\d+ min(ute)?s? read",
    r"this (video|audio|media|content) (can ?not|can't|could not) be (played|displayed|loaded)",
    r"comments?( \(\d+\))?|\d+ comments?",
    r"(show|hide|view|open|close|load|read) (all )?comments( \(\d+\))?"
    r"|(leave|post|add|write) a (comment|reply)( cancel reply)?|cancel reply"
    r"|join the (conversation|discussion)"
    r"|comments are closed( (for|on) this (article|story|post))?",
    # A comment thread's controls ("12 replies", "Show 3 more replies", "Sort by: Newest", and
    # the row under each comment: "Like · Reply · 2h")
    r"\d+ repl(y|ies)|(show|view|load|hide)( \d+)?( more)? repl(y|ies)",
    r"sort (comments )?by\s*[:：]?\s*(newest|oldest|best|top|most (popular|recent|liked)|popular"
    r"|recent)( first)?",
    r"(like|reply|report|share)(\s*[·•|]\s*(like|reply|report|share|\d{1,2}\s*[smhdw]))+",
    # ... and those of more than a word on a line of their own ("Report abuse", "Oldest
    # first"; not "Like" or "Reply", which may end a heading: "What We Like")
    r"report (this )?comment|report abuse|flag (this )?comment",
    r"(oldest|newest|best|top|most (liked|recent|popular)) first",
    # A comment form's lines (WordPress prints them under every post)
    r"your email address will not be published\.?( required fields are marked \*?)?",
    r"(you must be )?(log ?in|logged in|sign ?in|signed in) to (reply|comment"
    r"|(post|leave) a (comment|reply))",
    r"report an? (error|typo|correction)( or (an? )?(error|typo|correction))?"
    r"|(submit|suggest) a correction",
    r"(updated|published|posted) \d+ (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago",
    r"\d+ (seconds?|minutes?|mins?|hours?|hrs?) ago",  # (a comment's time; "10 years ago" may head)
    # A live page's chrome ("Live updates", "Auto-update: on", "Show all posts", "Sort: latest",
    # "View oldest first", "Load more updates")
    r"live|live (updates|blog|coverage)|live: latest updates",
    r"auto-?(update|refresh)s?:? (on|off)",
    r"show (all|more|older|newer) (posts|updates)|load more (posts|updates)"
    r"|older posts|newer posts",
    r"(sort|sorted)( by)?:? (latest|newest|oldest)( first)?|view (oldest|newest|latest) first",
    # A paged article's links ("Read page 2 →", "Next: page 3", "Continued on next page",
    # "Pages: 1 2 3 Next ›", "« Previous 1 2 3 Next »")
    r"read page \d{1,3}( [→›»])?|next: page \d{1,3}|continued on (the )?next page"
    r"|back to page \d{1,3}",
    r"pages?:( \d{1,3})+( next ?[›»→]?)?|« previous( \d{1,3})+ next »",
    # A podcast's player and its links ("Share episode", "Download episode (MP3, 24 MB)",
    # "S2 E14 · 32 min", "Playback speed 1.5x", "Subscribe on Apple Podcasts | Spotify")
    r"share (this )?episode|download (this )?episode( \(mp3, [\d.]+ ?mb\))?",
    r"s\d{1,2} ?e\d{1,3} · \d+ min|playback speed [\d.]+x",
    r"follow (the|this) (show|podcast) wherever you (get|listen to) (your )?podcasts\.?",
    r"subscribe on " + _PODCAST_APP + r"( [|,] " + _PODCAST_APP + ")*",
    # An article read aloud, and a page's switches ("Hear this article", "Audio version",
    # "Show full article", "View as list", "Swipe through the story")
    r"(hear|listen to) this (article|story)|audio version( of this (article|story))?",
    r"expand|show full (article|story)|tap to read more( ➡️)?",
    r"list view|view as (a )?list|swipe (through|to see) (the|this) (story|gallery)",
    # A label over a correction's note, and a list of the links a print copy numbered
    r"this (article|story) has been (corrected|updated)|links:",
    # A page's footer links in a row (one alone may be a heading: "Terms of Use" in a guide to
    # writing API documentation, "Accessibility" among the benefits of cloud storage)
    _FOOTER_LINK + r"(\s*[|·•/]\s*" + _FOOTER_LINK + ")+",
    # A menu or a breadcrumb trail from the home page ("Home | World | Politics", "Home > News")
    r"home(\s*[|·•/»>›]\s*[^|·•/»>›]{1,40}){2,}",
    # A newsletter box's lines
    # ... and a newsletter's own, when a page prints an edition ("This article is part of our
    # Tech Brief newsletter.", "You're reading the Week Ahead newsletter. Sign up to get it in
    # your inbox.", "Welcome to the Health Check, our newsletter.")
    r"(this (article|story|post) (is part of|first appeared in|(originally )?appeared in)"
    r"|you ?['’]?re reading|thanks? (you )?for reading|this is (the web|an online) version of)"
    r" (the |our )?[^.!?]{1,60} newsletter(\. sign up (here )?to get it in your inbox)?",
    r"welcome to (the )?[^.!?,]{1,40}, our( \w+)? newsletter",
    r"sign up (here )?(for the [^.!?]{1,40} newsletter|to get the [^.!?]{1,40} in your inbox)",
    r"want this in your inbox\? subscribe to the [^.!?]{1,40}",
    r"enjoying the [^.!?]{1,40}\? forward it to a friend",
    r"read past editions of the [^.!?]{1,40}( here)?",
    r"you can unsubscribe at any time",  # (not "Enter your email address": a form's label)
    # ... and its frame, where a page prints the mail (Mailchimp's footer and the like)
    r"view (this (email|newsletter|message) )?(in|on) (your |a )?(web )?browser",
    r"having trouble (viewing|reading) this (email|message)\??( (view|read) it (online|in your"
    r" (web )?browser)\.?)?",
    r"(was )?this (email|newsletter) forwarded to you\??( sign up( here| now)?\.?)?"
    r"|forward (this (email|newsletter)|to a friend)",
    r"unsubscribe( from this list)?(\s*[|·•]\s*(update|manage) (your )?(email )?preferences)?"
    r"|(update|manage) (your )?(email )?preferences",
    r"you (are receiving|received) this (email|newsletter) because [^\n]{1,200}",
    r"this email was sent to \S+@\S+[^\n]{0,100}|add \S+@\S+ to your address book[^\n]{0,80}",
    r"want to change how you receive these emails\?[^\n]{0,200}|why did i get this\??",
    r"our mailing address is\s*:?[^\n]{1,200}",
    # ... and a raw mail's part headers and boundaries
    r"mime-version: ?1\.0|content-transfer-encoding: ?(quoted-printable|base64|[78]bit|binary)"
    r"|content-type: ?(multipart/[\w.+-]+|text/plain;[^\n]{0,80}format=flowed)(;[^\n]{0,120})?",
    r"--(?=[-=_.\w]*\d)[-=_.\w]{16,70}",  # (a boundary: "--0000000000001a2b3c4d--")
    r"get (the latest|our|the best|the top)[^.!?]{0,60} (delivered )?(to|in) your inbox"
    r"( (every|each) (week)?(day|morning|evening|week)( morning| evening)?)?",
    r"get (the latest|our|the best|the top)[^.!?]{0,60} delivered( (daily|weekly|every (day"
    r"|morning|week)))?( to your inbox)?[.!]?( (sign up|subscribe)( (now|today|here))?[.!]?)?",
    r"thanks? (you )?for (signing up|subscribing)( to [^.!?]{0,60})?",
    r"by (signing up|subscribing|clicking[^.!?,]{0,40}|registering|submitting[^.!?,]{0,40}),?"
    r" you (agree|acknowledge|consent)"
    r"(?=[^.!?]*\b(terms|privacy|polic(y|ies)|conditions|e-?mails?|newsletters?"
    r"|messages|texts|sms|calls|communications|marketing|offers|updates|cookies|receive|contact)\b)"
    r"[^.!?]{0,200}",
    r"this (site|page|form) is protected by recaptcha[^.!?]{0,160}",
    r"(back|return) to (the )?top",  # (and "↑ Back to top": an arrow opens or closes a label)
    r"\[(hide|show)\]",  # (a table of contents' switch)
    r"(all )?rights reserved",
    r"(read|view|see) (the )?(full|whole|complete|original|entire) (story|article|report|post)"
    r"( (here|online|(on|at) " + _FULL_SITE + r"|on \w+))?" + _LINK_AFTER,
    # A copyright line: the sign and a year, or a name of up to 12 words, or the rights kept
    # (not a caption or sentence run in after a credit, nor a list's "(c)" turned into "©").
    r"(©|\(c\)|copyright(\s*©|\s*\(c\))?)\s*\d{4}(?!\s*:).{0,200}",  # (not "1998: ...")
    r"©\s*(?-i:[\p{Lu}])\S*(\s+\S+){0,11}",
    r"©.{0,200}(rights reserved|by permission|may not be (published|reproduced|copied)).{0,100}",
    r"this (material|article|content) may not be (published|reproduced|copied).{0,200}",
    # A paywall's lines in German, French, Spanish, Italian, Portuguese, Dutch and Russian
    r"(dieser|der) (artikel|beitrag|inhalt) ist (nur |exklusiv )?f(ü|ue)r (plus-)?"
    r"(abonnenten|abonnentinnen|abonnent\*innen)( (verfügbar|freigeschaltet|sichtbar))?",
    r"(jetzt )?weiterlesen mit \S+( \S+)?|jetzt weiterlesen",
    r"(sie (sind|haben) )?(bereits|schon) (ein )?(abo|abonnent(in)?)\??"
    r"( (hier |jetzt )?(anmelden|einloggen))?",
    r"(cet article|cet contenu|ce contenu|la suite) est r[ée]serv[ée]e? [àa]ux abonn[ée]s",
    r"d[ée]j[àa] abonn[ée]\s*\??( (se connecter|connectez-vous|je me connecte))?",
    r"il vous reste \d+ ?% de cet article [àa] lire",
    r"(este )?contenido (es )?exclusivo para (suscriptores|abonados)",
    r"¿?ya eres (suscriptor|abonado)\??( inicia sesi[óo]n)?",
    r"(questo )?(articolo|contenuto) (è )?riservato agli abbonati|sei gi[àa] abbonato\??( accedi)?",
    r"conte[úu]do exclusivo para assinantes|j[áa] [ée] assinante\??( fa[çc]a (o )?login| entre)?",
    r"dit artikel is (alleen|exclusief) voor abonnees",
    r"(статья|материал) доступ(на|ен) только (по подписке|подписчикам)",
    r"подпишитесь,? чтобы (читать дальше|продолжить чтение)",
    # German
    r"anzeige|werbung|gesponsert|gesponserter (inhalt|artikel|beitrag)",
    r"(lesen|lies) (sie )?(auch|mehr)" + _TAIL,
    r"(mehr|weiter) (zum thema|lesen)" + _TAIL,
    r"(das|dies) (könnte|koennte) (sie|dich) auch interessieren|auch interessant"
    r"|empfohlener redaktioneller inhalt",
    r"((diesen )?artikel )?(teilen|drucken|merken)",
    r"(auf|bei|per|via) (facebook|twitter|x|whatsapp|linkedin|telegram|e-?mail) teilen",
    r"(jetzt )?(zum )?newsletter (abonnieren|bestellen|anmelden)|jetzt abonnieren",
    r"folgen? (sie )?uns( auf (facebook|twitter|x|instagram|linkedin|tiktok|youtube|telegram))?",
    r"kommentare( \(\d+\))?|alle rechte vorbehalten",
    r"lesezeit\s*[:：]?\s*(ca\.? )?\d+ min(\.|uten?)?|artikel (anh[öo]ren|vorlesen)",
    r"(startseite|home)(\s*[|·•/»>›]\s*[^|·•/»>›]{1,40}){2,}",  # (a breadcrumb trail)
    r"(alle )?(cookies )?(akzeptieren|ablehnen)|nur (notwendige|essenzielle) cookies"
    r"( akzeptieren)?|cookie-?einstellungen( (ändern|verwalten|anpassen))?",
    r"wir (verwenden|nutzen) cookies[^.!?]{0,160}",
    r"zur startseite|zum artikel|(zurück )?nach oben|(mehr|alle) anzeigen|hier klicken"
    r"|video abspielen",
    r"weiter nach der (anzeige|werbung)|(artikel )?weiterlesen( nach der anzeige)?",
    r"(der )?artikel (wird|geht) (nach|unter|unterhalb) der (anzeige|werbung) (fortgesetzt|weiter)",
    # French
    r"publicit[ée]",
    r"(lire|voir) (aussi|plus|la suite)" + _TAIL,
    r"[àa] lire (aussi|également)" + _TAIL,
    r"partager( (cet|l') ?article)?( sur (facebook|twitter|x|whatsapp|linkedin))?",
    r"abonnez-vous( [àa] (notre|la) newsletter)?|s['’]abonner"
    r"|inscrivez-vous [àa] (notre|la) newsletter",
    r"(vous aimerez (aussi|également)|sur le m[êe]me sujet)" + _TAIL,
    r"(cet )?article r[ée]serv[ée] aux abonn[ée]s",
    r"suivez-nous( sur (facebook|twitter|x|instagram|linkedin|tiktok|youtube))?",
    r"commentaires( \(\d+\))?|tous droits r[ée]serv[ée]s|retour en haut( de (la )?page)?",
    r"temps de lecture\s*[:：]?\s*\d+ min(\.|utes?)?|[ée]couter (cet|l') ?article",
    r"accueil(\s*[|·•/»>›]\s*[^|·•/»>›]{1,40}){2,}",  # (a breadcrumb trail)
    r"tout (accepter|refuser)|continuer sans accepter|accepter et fermer"
    r"|(g[ée]rer|param[ée]trer) (les )?cookies|param[èe]tres (des )?cookies",
    r"nous utilisons des cookies[^.!?]{0,160}",
    r"(la )?suite (de l'article )?apr[èe]s (la|cette) publicit[ée]",
    r"continuer (la|[àa] lire|[àa] la) lecture|continuer [àa] lire",
    r"(publicit[ée](\s*[-–—:|]\s*|\s+))?(continuez|poursuivez) (la|votre) lecture( ci-dessous)?",
    # Spanish
    r"publicidad|anuncio",
    r"(lee|lea|leer|ver) (también|más|tambien|mas)" + _TAIL,
    r"compartir( (este )?art[ií]culo)?",
    r"suscr[ií]bete( (a|al) (nuestro|nuestra) (bolet[ií]n|newsletter))?",
    r"(sigue|siga|seguir|contin[uú]a) leyendo( (despu[ée]s de|tras) (la publicidad|el anuncio))?",
    r"(el )?(art[íi]culo|texto) contin[úu]a (despu[ée]s de|tras|debajo de)"
    r" (la publicidad|el anuncio)",
    r"m[áa]s informaci[óo]n",
    r"te (puede|podr[íi]a) interesar|te recomendamos",
    r"((noticias|art[íi]culos) relacionad[oa]s|contenido patrocinado)" + _TAIL,
    r"compartir en (facebook|twitter|x|whatsapp|linkedin)",
    r"s[íi]guenos( en (facebook|twitter|x|instagram|linkedin|tiktok|youtube))?",
    r"recibe nuestr[oa] (newsletter|bolet[íi]n)",
    r"comentarios( \(\d+\))?|todos los derechos reservados",
    r"tiempo de lectura\s*[:：]?\s*\d+ min(\.|utos?)?|escuchar (este |el )?art[ií]culo"
    r"|volver arriba",
    r"(inicio|portada)(\s*[|·•/»>›]\s*[^|·•/»>›]{1,40}){2,}",  # (a breadcrumb trail)
    r"aceptar (todas )?(las )?cookies|rechazar (todas )?(las )?cookies"
    r"|configura(r|ci[óo]n de) (las )?cookies",
    r"utilizamos cookies[^.!?]{0,160}",
    # Italian
    r"pubblicit[àa]",
    r"(leggi|vedi) (anche|di più|di piu)" + _TAIL,
    r"condividi( (l'|questo )?articolo)?",
    r"iscriviti( alla (nostra )?newsletter)?",
    r"continua a leggere( dopo la pubblicit[àa])?",
    r"(potrebbe interessarti( anche)?|articoli correlati)" + _TAIL,
    r"contenuto sponsorizzato|tutti i diritti riservati|riproduzione riservata( ©)?",
    r"seguici( su (facebook|twitter|x|instagram|linkedin|tiktok|youtube))?|commenti",
    r"tempo di lettura\s*[:：]?\s*\d+ min(\.|uti?)?|ascolta (l'|questo )?articolo|torna su",
    r"condividi su (facebook|twitter|x|whatsapp|linkedin|telegram)",
    r"accetta (tutti|tutto)|rifiuta (tutti|tutto)|(questo sito|utilizziamo)( utilizza)? cookie"
    r"[^.!?]{0,160}",
    # Portuguese
    r"publicidade",
    r"(leia|veja) (também|mais|tambem)" + _TAIL,
    r"compartilh(e|ar)( (este|esta) (artigo|matéria|materia|notícia|noticia))?",
    r"assine( (a|nossa) newsletter)?",
    r"continu(a|e) (depois|ap[óo]s) (d?a )?publicidade|continue lendo",
    r"((not[íi]cias|mat[ée]rias) relacionadas|conte[úu]do patrocinado)" + _TAIL,
    r"(siga|segue)-nos( (no|na|em) (facebook|twitter|x|instagram|linkedin|tiktok|youtube))?",
    r"coment[áa]rios|todos os direitos reservados|saiba mais|reportar erro",
    # Dutch
    r"advertentie",
    r"lees (ook|meer)" + _TAIL,
    r"deel( dit artikel)?",
    r"lees verder( (na|onder) de advertentie)?",
    r"alle rechten voorbehouden|meld je aan voor (de|onze) nieuwsbrief|inloggen|meest gelezen"
    r"|gerelateerde artikelen|privacyverklaring|cookiebeleid|privacyverklaring \| cookiebeleid",
    r"volg ons( op (sociale media|facebook|twitter|x|instagram|linkedin|tiktok|youtube))?",
    r"fout gezien\? mail de redactie|reageer|link gekopieerd|meer over dit onderwerp",
    # Polish and Czech
    r"reklama",
    r"(czytaj|zobacz) (też|także|również|więcej|dalej)" + _TAIL,
    r"udostępnij|zapisz się do newslettera|artykuł sponsorowany|materiał partnera|komentarze"
    r"|polecamy|dalsza część artykułu pod (materiałem wideo|reklamą)",
    r"wszelkie prawa zastrzeżone|zaloguj się|subskrybuj|zgłoś błąd|więcej na ten temat"
    r"|posłuchaj artykułu",
    r"obserwuj nas( w mediach społecznościowych| na (facebooku|twitterze|x|instagramie))?",
    r"související články|sdílet( na (facebooku|twitteru|x))?|diskuze|komentáře"
    r"|přihlaste se k odběru newsletteru|mohlo by vás (také )?zajímat",
    r"(čtěte|přečtěte si) (také|též|více)" + _TAIL,
    r"další (zprávy|články)|pokračování článku pod reklamou",
    # Greek, Finnish, Hungarian, Romanian
    r"διαφήμιση|mainos|hirdetés|publicitate",
    # Swedish, Danish, Norwegian
    r"annons|annonce|annonse",
    r"(läs|læs|les) (också|även|mer|også|mere)" + _TAIL,
    # Turkish
    r"reklam",
    r"([iİ]lg[iİ]l[iİ] (haberler|haber)|benzer haberler)" + _TAIL,
    r"haber[iİ]n devamı|devamını oku|paylaş|abone ol|yorumlar|tüm hakları saklıdır"
    r"|bunlar da [iİ]lg[iİ]n[iİ]z[iİ] çekeb[iİ]l[iİ]r",
    # Russian and Ukrainian
    r"реклама( \d+\+)?",
    r"(статья|материал) продолжается (после|ниже) рекламы|продолжение (после|ниже) рекламы",
    r"(читайте|смотрите) (также|тоже|еще|ещё|також)" + _TAIL,
    r"поделиться( (статьей|новостью))?|поділитися",
    r"(читать|читати) (далее|дальше|полностью|далі|повністю)|подробнее|детальніше",
    r"((материалы|новости) по теме|по теме|новости партн[её]ров|новини партнерів)" + _TAIL,
    r"комментарии|коментарі|все права защищены|всі права захищені|загрузка",
    r"(подписывайтесь|підписуйтесь) на (наш|нас)\b.{0,60}",
    # Arabic
    r"إعلان",
    r"(اقرأ|إقرأ) (أيضا|أيضاً|أيضًا|المزيد)" + _TAIL,
    r"(مواضيع|أخبار|مقالات) ذات صلة" + _TAIL,
    r"شارك( المقال)?|تابعونا على .{1,40}|اشترك في النشرة( البريدية)?|التعليقات|تعليقات"
    r"|جميع الحقوق محفوظة",
    # Hindi
    r"विज्ञापन|(ये|यह) भी पढ़ें" + _TAIL,
    r"(और|आगे) पढ़ें|संबंधित (खबरें|ख़बरें|समाचार)|शेयर करें|हमें फॉलो करें|टिप्पणियां|टिप्पणियाँ"
    r"|सर्वाधिकार सुरक्षित",
    # Chinese, Japanese, Korean
    r"广告|廣告|広告|광고",
    r"(相关|相關|延伸|推荐|推薦)(阅读|閱讀|新闻|新聞|文章|报道|報導)" + _TAIL,
    r"(点击|點擊)(查看|阅读|閱讀)(更多|全文)",
    r"関連(記事|ニュース)" + _TAIL,
    r"(责任编辑|責任編輯)\s*[:：]\s*\S{1,12}|(本文)?(来源|來源)\s*[:：].{1,40}",
    r"(阅读|閱讀|展开|展開)全文|(看|查看)更多|返回搜狐，?查看更多|分享到\s*[:：]?|扫码关注.{0,30}",
    r"(订阅|訂閱)电子报|訂閱電子報|版权所有|版權所有"
    r"|未经(授权|许可)，?(不得|禁止)转载.{0,20}|未經(授權|許可)，?(不得|禁止)轉載.{0,20}",
    r"(記事の)?続きを読む|スポンサーリンク|もっと見る|あわせて読みたい|おすすめ(記事|ニュース)",
    r"(この)?記事を(シェア|共有)する|シェアする|無断(転載|複製)(を)?(禁じます|禁止)",
    r"관련\s*기사" + _TAIL,
    r"(기사 )?공유하기|구독하기|많이 본 뉴스|더보기|댓글",
    r"(저작권자\s*(©|ⓒ|\(c\))\s*\S+(\s\S+)?\s*[,.]?\s*)?무단\s*전재\s*(및|-|·)?\s*재배포\s*금지",
)
"""The built-in whole-paragraph boilerplate patterns."""

MAX_LINE_CHARS = 300
"""Characters of the longest boilerplate line: longer paragraphs are never one, but for a
consent dialog's (:data:`LONG_LINES`)."""
MAX_LONG_CHARS = 1000
"""Characters of the longest paragraph of a consent dialog (:data:`LONG_LINES`)."""
_MAX_LEAD = 6  # words before the colon of a line of canonical text ("sign up for our newsletter")
_COLON_LEAD = regex.compile(r"(?<!\w)(\w+) ?:(?=\s)")  # a word before a colon, in raw text
_FLAGS = regex.IGNORECASE | regex.DOTALL
# A teaser's ellipsis, and the characters of the link that may follow it ("... Read more").
_ELLIPSIS = regex.compile(r"(?:…|\.{3}|\[…\]|\[\.{3}\])[.…]*")
_MAX_LINK = 80
_LINK_WORDS = 7  # (the most words of a link run in at a teaser's end without an ellipsis: a row
# of share links, "Share on Facebook Share on Twitter")
_LINK_RUN = 3  # (the most such links run in one after another)
_TEASER_WORDS = 8  # (the fewest words before it)
# Links after a teaser that are no boilerplate line alone: "...more", "(continued)".
_TEASER_LINKS = frozenset({"more", "continued"})
_SENTENCE_ENDS = frozenset(".!?\"”’'")
# What a screen reader says after a link, printed into the text by some extractors (and how
# each starts, found by a search for its first character: quick where none is).
_LINK_NOTE_START = re.compile(r"\((?:open|link is|external)", re.IGNORECASE)
_LINK_NOTE = regex.compile(
    r"\s*\((?:opens|open|opening) in (?:a )?new (?:tab|window)\)"
    r"|\s*\((?:link is external|external (?:link|site))\)",
    regex.IGNORECASE,
)
# A paged article's label before the paragraph a page repeats from the page before it
# ("(Continued) The council ...", "Continued: The council ...", "...continued from page 2: The
# council ..."), with what it runs into after it.
_CONTINUED = regex.compile(
    r"\s*(?:[(\[](?:continued|cont'd)[)\]]"
    r"|(?:\.\.\.|…)?(?:continued|cont'd)(?: from (?:page|p\.) ?\d{1,3})?:)\s+(?=\S)",
    regex.IGNORECASE,
)

# An ad's label that a scraper ran into a paragraph between two sentences, or at its end ("...
# on Monday. ADVERTISEMENT The council ...", "... the project. Story continues below
# advertisement Only a few ..."), and the words one holds (a quick search). Between sentences
# it may be in any case; at the end, after a word, in capitals or a phrase of its own.
_INLINE_AD_WORDS = ("dvertis", "DVERTIS", "ponsored", "PONSORED", "ontinues")
_AD_PHRASE = (
    r"(?:story|article|content) continues (?:below|after)(?: (?:this|the))? (?:advertisement|ad)"
)
_INLINE_CREDIT = regex.compile(
    r"\s*[\[(](?i:photo|image|picture|video|pictured)( credit)?\s*:\s*[^()\[\]\n]{1,60}[)\]]"
    r"(?=\s+[\p{L}\p{N}])"  # (inside: at a caption's end, a credit is the caption's own)
)
# The link to an embedded post's picture at its text's end ("... in May. pic.twitter.com/x1Yz",
# "https://t.co/x1Yz"): the post quotes the article's sentence, the link is the embed's.
_POST_LINK = regex.compile(r"(?<=\S)\s+(?:pic\.twitter\.com|https?://t\.co)/\w+\s*$")
_INLINE_AD = regex.compile(
    r"(?<=[.!?\"”’])\s+(?:(?i:advertisement|advertising|sponsored|" + _AD_PHRASE + r")"
    r"(?=\s+[\p{Lu}\"“‘])|(?i:" + _AD_PHRASE + r")(?=\s*$))"
    r"|(?<=[\w.!?\"”’])\s+(?:ADVERTISEMENT|ADVERTISING|SPONSORED|(?i:" + _AD_PHRASE + r"))(?=\s*$)"
)

# What may stand around a label: white space, dashes, stars, bullets, brackets and pointers ("—
# Advertisement —", "[Anzeige]", "【广告】", "Read more 👇"), and after it trailing punctuation
# ("Read more:", "Weiter »").
_OPENERS = "-–—*•·|[(（【「《<↑⬆▲" + _POINTERS
_CLOSERS = ".:!…»›>→-–—*•·|])）】」》▼▾↓↑⬆▲" + _POINTERS
_OPENING = rf"[\s{regex.escape(_OPENERS)}]*"
_CLOSING = rf"[\s{regex.escape(_CLOSERS)}]*"
_SECONDS = " abcdefghijklmnopqrstuvwxyz"  # (the second characters of the table of pairs)
# The characters of an opening: white space (none is above U+3000) and the openers.
_OPENING_CHARS = _OPENERS + "".join(c for c in map(chr, range(0x3001)) if regex.match(r"\s", c))
# Characters a paragraph may start with that the first-character index covers: Latin-1, General
# Punctuation (quotation marks open many paragraphs; the alternation of every pattern tried on
# those took about seven times as long) and the openers beyond them.
_INDEXED = "".join(
    dict.fromkeys([*map(chr, range(256)), *map(chr, range(0x2010, 0x2060)), *_OPENERS])
)


def _compile(pattern: str, *, bare: bool = False) -> regex.Pattern[str]:
    """``pattern`` as it matches a whole paragraph, or (``bare``) as it is, spaces widened."""
    # (" ?" is white space or none; each other space any run of white space)
    body = r"(?:" + r"\s*".join(part.replace(" ", r"\s+") for part in pattern.split(" ?")) + r")"
    try:
        return regex.compile(body if bare else _OPENING + body + _CLOSING, _FLAGS)
    except regex.error as wrapped:
        message = str(wrapped)
        try:  # the error as the pattern alone gives it: where it stands in the pattern
            regex.compile(pattern, _FLAGS)
        except regex.error as own:
            message = str(own)
        raise ValueError(f"invalid boilerplate pattern {pattern!r}: {message}") from None


# (what ends a text and is no link run in: a caption's credit is its own)
_NO_LINKS = frozenset({None, *CREDIT_LINES, LABELLED_CREDIT})
# The patterns that may start as almost any paragraph does, each tried apart on the paragraphs
# that hold its word only (a photo's credit its slash); :meth:`BoilerplateMatcher.may_start`
# leaves them out.
_APART = {**dict.fromkeys(CREDIT_LINES, "/"), PROMPT_SENDER: "notifications"}


class BoilerplateMatcher:
    """Matches whole paragraphs against boilerplate patterns.

    ``patterns`` are added to :data:`DEFAULT_PATTERNS` unless ``include_defaults`` is false. An
    invalid pattern raises :class:`ValueError` naming it. The defaults are compiled and indexed
    once, at import (about 0.65 s); a matcher with patterns of your own indexes
    only those, and asks the defaults' matcher first.
    """

    __slots__ = (
        "_any",
        "_apart",
        "_base",
        "_blank",
        "_by_first",
        "_by_pair",
        "_compiled",
        "_long",
        "_members",
        "_own",
        "_signature",
        "_silent",
        "_unindexed",
        "patterns",
    )

    def __init__(self, patterns: Iterable[str] = (), *, include_defaults: bool = True) -> None:
        if isinstance(patterns, str):
            raise TypeError("boilerplate_patterns must be an iterable of strings, not one string")
        own = tuple(patterns)
        self._base = _DEFAULT_MATCHER if include_defaults else None
        self._own = own
        self.patterns: tuple[str, ...] = (*DEFAULT_PATTERNS, *own) if include_defaults else own
        self._compiled = tuple(_compile(p) for p in own)
        self._members: dict[regex.Pattern[str], tuple[int, ...]] = {}  # (an alternation's)
        # One alternation answers "is it boilerplate?" in a single pass; which pattern matched is
        # looked up only for the (rare) paragraphs that are.
        # (the post's signature apart: see POST_SIGNATURE)
        # (and the patterns that may start most paragraphs, tried on those that hold their
        # word only: see _APART)
        indexed = [n for n, p in enumerate(own) if p != POST_SIGNATURE and p not in _APART]
        self._signature = _compile(POST_SIGNATURE) if POST_SIGNATURE in own else None
        self._unindexed = tuple(sorted(set(range(len(own))).difference(indexed)))
        self._apart = tuple((p, _compile(p), _APART[p]) for p in own if p in _APART)
        # (and a consent dialog's long paragraphs, tried again past MAX_LINE_CHARS)
        long = [n for n, p in enumerate(own) if p in LONG_LINES]
        self._long = self._alternation(long) if long else None
        self._any = self._alternation(indexed)
        # A text of opening characters alone ("* * *", "----") matches only a pattern that
        # matches nothing at all.
        self._blank = self._any if self._any.fullmatch("") is not None else None
        # For a pattern's first character (a Latin-1 one, or a dash or bracket that opens a
        # label), the alternation of only those patterns that can start with it, found by
        # partial matching: most paragraphs start with a letter that no pattern starts with, or
        # only a few. (A label's opening, "— " before "Advertisement", is looked past.)
        bare = [_compile(p, bare=True) for p in own]
        starting: dict[tuple[int, ...], list[str]] = {}
        for first in _INDEXED:
            which = tuple(n for n in indexed if bare[n].fullmatch(first, partial=True))
            starting.setdefault(which, []).append(first)
        self._by_first: dict[str, regex.Pattern[str] | None] = {}
        for which, firsts in starting.items():
            alternation = self._alternation(which) if which else None
            self._by_first.update(dict.fromkeys(firsts, alternation))
        # The characters of an opening that no pattern starts with.
        self._silent = frozenset(
            c for c in _OPENING_CHARS if c in self._by_first and self._by_first[c] is None
        )
        # For a paragraph's first two characters, an ASCII letter and a lower-case one or a
        # space, the alternation of the patterns that can start with both: most such pairs
        # start none ("In", "Wh"), or one or two.
        alternations = {which: self._by_first[firsts[0]] for which, firsts in starting.items()}
        self._by_pair: dict[str, regex.Pattern[str] | None] = {}
        for which, firsts in starting.items():
            for first in (f for f in firsts if f.isascii() and f.isalpha()):
                for second in _SECONDS:
                    pair = first + second
                    both = tuple(n for n in which if bare[n].fullmatch(pair, partial=True))
                    if both not in alternations:
                        alternations[both] = self._alternation(both) if both else None
                    self._by_pair[pair] = alternations[both]

    def remembering(self) -> BoilerplateMatcher:
        """A matcher that answers as this one does and remembers each answer of :meth:`match`:
        for one document, whose lines are asked about at several stages (its copies too). It
        is not shared across threads.

        >>> matcher = boilerplate_matcher().remembering()
        >>> matcher.match("Advertisement") == boilerplate_matcher().match("Advertisement")
        True
        """
        return _Remembering(self)

    def _alternation(self, which: Iterable[int]) -> regex.Pattern[str]:
        """The alternation of the patterns ``which``, remembered with them in ``_members``."""
        which = tuple(which)
        alternation = _compile("|".join(f"(?:{self._own[n]})" for n in which) or "(?!)")
        self._members[alternation] = which
        return alternation

    def may_start(self, text: str) -> bool:
        """Whether some pattern matches a paragraph that starts with ``text`` (and may go on).
        A photo's credit (:data:`CREDIT_LINES`) and a push prompt naming its site
        (:data:`PROMPT_SENDER`) are matched whole only, and are left out: their names may start
        most texts.

        >>> matcher = boilerplate_matcher()
        >>> matcher.may_start("story continues"), matcher.may_start("it")
        (True, False)
        """
        if self._base is not None and self._base.may_start(text):
            return True
        if len(text) > MAX_LINE_CHARS:
            return False
        if self._signature is not None and self._signature.fullmatch(text, partial=True):
            return True
        return any(quick.fullmatch(text, partial=True) for quick in self._quick(text))

    def match_canonical(self, text: str, *, leads: Collection[str] = ()) -> str | None:
        """:meth:`match` for canonical text, whose punctuation is gone: ``text`` as it is, or with
        the colon put back after its first two to :data:`_MAX_LEAD` words ("read more 8 tips"
        reads as "read more: 8 tips"). One word is no lead ("related costs rose" is a sentence)
        unless it is one of ``leads``: words the raw text shows before a colon (see
        :meth:`colon_leads`).

        >>> matcher = boilerplate_matcher()
        >>> matcher.match_canonical("read more 8 tips on how to install a solar inverter")[:15]
        '(read|see) (mor'
        >>> matcher.match_canonical("related costs rose sharply") is None
        True
        >>> matcher.match_canonical("related costs rose sharply", leads={"related"})[:10]
        'related( ('
        """
        found = self.match(text)
        words = text.split(" ")
        for k in range(1 if words[0] in leads else 2, min(len(words), _MAX_LEAD + 1)):
            lead = " ".join(words[:k])
            if found is not None or not self.may_start(lead):
                break
            found = self.match(f"{lead}: {' '.join(words[k:])}")
        return found

    def colon_leads(self, raw: str) -> frozenset[str]:
        """The words of raw text that stand before a colon and white space and may start a
        boilerplate line, in canonical form: the leads of its "Related: ..." lines, whose colons
        the canonical form drops (see :meth:`match_canonical`).

        >>> sorted(boilerplate_matcher().colon_leads("Related: Chicago's rents. Hours: at 9:30 it"))
        ['related']
        """
        words = {w.casefold() for w in _COLON_LEAD.findall(raw)}
        leads = {w for w in words if self.may_start(w)}
        if all(w.isascii() for w in leads):  # (a word of ASCII letters and digits: case alone)
            return frozenset(leads)
        return frozenset(canonical_paragraphs(sorted(leads))[0])

    def matched_text(self, text: str) -> str:
        """``text`` as it is matched: without the furniture run into it, a paged article's
        label before a paragraph repeated from the page before ("(Continued)"), the link after a
        teaser's closing ellipsis ("… Read more", "... Continue reading": a boilerplate line
        run in after the ellipsis) and the notes a screen reader says after a link ("(opens in
        new tab)"). Other texts as they are.

        >>> matcher = boilerplate_matcher()
        >>> matcher.matched_text("The council met on Tuesday to discuss… Read more »")
        'The council met on Tuesday to discuss…'
        >>> matcher.matched_text("We waited... Read more books, she said.")
        'We waited... Read more books, she said.'
        >>> matcher.matched_text("It grew... and grew.... Continue reading...")
        'It grew... and grew....'
        >>> matcher.matched_text("See the council (opens in new tab) minutes (external link).")
        'See the council minutes.'
        >>> matcher.matched_text("A bench is (Photo: Anna Sato/Xinhua) perfect for a small flat.")
        'A bench is perfect for a small flat.'
        >>> matcher.matched_text("The ferry is back on Monday. pic.twitter.com/x1Yz2")
        'The ferry is back on Monday.'
        >>> matcher.matched_text("(Continued) The ferry is back on Monday.")
        'The ferry is back on Monday.'
        """
        if "(" in text and _LINK_NOTE_START.search(text):
            text = _LINK_NOTE.sub("", text)
        if "ont" in text[:20] and (label := _CONTINUED.match(text)) is not None:
            text = text[label.end() :]  # ("Continued:", "(cont'd)")
        # (a photo's credit in brackets run into a sentence, as a scraper glues a caption's:
        # "(Photo: Jane Doe/Reuters)", "[Image: AP]")
        if ":" in text and _INLINE_CREDIT.search(text):
            text = _INLINE_CREDIT.sub("", text)
        if ("twitter.com/" in text or "t.co/" in text) and _POST_LINK.search(text):
            text = _POST_LINK.sub("", text)
        # (an ad's label run in, not a label of its own: "Skip advertisement")
        ad = any(word in text for word in _INLINE_AD_WORDS) and _INLINE_AD.search(text)
        if ad and self.match(text) is None:
            text = _INLINE_AD.sub("", text)
        tail = text[-2 * _MAX_LINK :]  # (the last characters, white space and all)
        if "…" not in tail and "..." not in tail:
            last = tail.rstrip()[-1:]  # (most paragraphs end a sentence, no link does; and a
            # heading is no teaser)
            if not last or last in _SENTENCE_ENDS or tail.count(" ") < _TEASER_WORDS:
                return text
            return self._without_link_at_end(text)
        end = len(text.rstrip())
        for ellipsis in reversed(list(_ELLIPSIS.finditer(text, max(0, end - _MAX_LINK), end))):
            link = text[ellipsis.end() : end].strip().strip("[]()")
            if link:  # (the last ellipsis that something follows, and that follows something)
                linked = self.match(link) not in _NO_LINKS or link.casefold() in _TEASER_LINKS
                cut = text[: ellipsis.start()].strip() and linked
                return text[: ellipsis.end()] if cut else text
        return text

    def _without_link_at_end(self, text: str) -> str:
        """``text`` without a link run in at its end with no ellipsis before it: a teaser cut
        short inside a sentence ("... Or maybe Continue reading →", "... to cars (more)"). The
        link is a boilerplate line of up to :data:`_LINK_WORDS` words that opens with a capital
        or a bracket, after :data:`_TEASER_WORDS` words or more that end no sentence.

        >>> matcher = boilerplate_matcher()
        >>> matcher._without_link_at_end("Picture a deck of tarot cards and what you see in them. Or maybe Continue reading →")
        'Picture a deck of tarot cards and what you see in them. Or maybe'
        >>> matcher._without_link_at_end("The council met on Tuesday to discuss the bridge and (more)")
        'The council met on Tuesday to discuss the bridge and'
        >>> matcher._without_link_at_end("Libraries say the easiest way to start is to keep reading")
        'Libraries say the easiest way to start is to keep reading'

        Links run in one after another (a row of share links) go one after another, up to
        :data:`_LINK_RUN` of them. A boilerplate line itself (the row alone) is no text they
        run into.

        >>> matcher._without_link_at_end("It opens in May next year, the council said Share on Facebook Share on Twitter Share via Email")
        'It opens in May next year, the council said'
        >>> matcher._without_link_at_end("Share on Facebook Share on Twitter Share via Email")
        'Share on Facebook Share on Twitter Share via Email'
        """  # noqa: E501
        if self.match(text) is not None:
            return text
        for _ in range(_LINK_RUN):
            shorter = self._without_one_link_at_end(text)
            if shorter is text:
                break
            text = shorter
        return text

    def _without_one_link_at_end(self, text: str) -> str:
        """:meth:`_without_link_at_end` for one link: ``text`` itself when it ends with none."""
        parts = text.rstrip().rsplit(None, _LINK_WORDS)  # (the text before, then the words)
        if len(parts) <= _LINK_WORDS:
            return text
        words_before = parts[0].count(" ")  # (about those of parts[0] but its last)
        for k in range(_LINK_WORDS, 0, -1):  # (the longest link first)
            if not (parts[-k][0].isupper() or parts[-k][0] in "[("):
                continue
            link = " ".join(parts[-k:])
            bracketed = (
                link[0] in "[(" and link[-1] in ")]" and link[1:-1].casefold() in _TEASER_LINKS
            )
            last = parts[-k - 1][-1]  # (the head's last character)
            if not (last.isalnum() or last in ",;:-–—" or bracketed):
                continue  # (a sentence ended: the link decorates a whole paragraph, as a
                # copy may decorate every one, see runs.confirm_decorated_runs; but "(more)"
                # after one says the paragraph was cut short there)
            if words_before + len(parts) - k < _TEASER_WORDS:
                continue
            if len(link) <= _MAX_LINK and (bracketed or self.match(link) not in _NO_LINKS):
                return " ".join(parts[:-k])
        return text

    def _quick(self, text: str, *, whole: bool = False) -> list[regex.Pattern[str]]:
        """The alternations of the patterns that can start as ``text`` does (from the indexes of
        first characters and pairs); together they match what every pattern matches (the whole
        of ``text``, if ``whole``, or a text that starts with it)."""
        # A pattern starts after the opening's characters (dashes, brackets), or at one of them
        # (a few can: "(c) 2026").
        rest = text.lstrip(_OPENING_CHARS)
        opening = text[: len(text) - len(rest)]
        if not opening or self._silent.issuperset(opening):
            pair = rest[:2]
            if pair in self._by_pair:
                quick = self._by_pair[pair]
            elif pair:
                quick = self._by_first.get(pair[:1], self._any)
            else:  # (opening characters alone: any pattern may follow them)
                quick = self._blank if whole else self._any
            return [] if quick is None else [quick]
        quicks = {self._by_first.get(c, self._any) for c in text[: len(opening) + 1]}
        return [quick for quick in quicks if quick is not None]

    def match(self, text: str) -> str | None:
        """The first pattern that matches the whole of ``text``, or ``None``."""
        if len(text) > MAX_LINE_CHARS:
            return self._long_line(text) if len(text) <= MAX_LONG_CHARS else None
        if not text:
            return None
        if self._base is not None:
            found = self._base.match(text)
            if found is not None:
                return found
        if self._signature is not None and "(@" in text and self._signature.fullmatch(text):
            return POST_SIGNATURE
        matched = [quick for quick in self._quick(text, whole=True) if quick.fullmatch(text)]
        if not matched:
            apart = (p for p, c, word in self._apart if word in text and c.fullmatch(text))
            return next(apart, None)
        # (the first of all patterns that matches: one of the matched alternations' members, or
        # one of those tried apart)
        which = {n for quick in matched for n in self._members[quick]}
        which.update(self._unindexed)
        return next(self._own[n] for n in sorted(which) if self._compiled[n].fullmatch(text))

    def _long_line(self, text: str) -> str | None:
        """:meth:`match` for a paragraph longer than :data:`MAX_LINE_CHARS`: the patterns of
        :data:`LONG_LINES` only."""
        if self._base is not None:
            found = self._base._long_line(text)
            if found is not None:
                return found
        if self._long is None or self._long.fullmatch(text) is None:
            return None
        long = zip(self._own, self._compiled, strict=True)
        return next(p for p, c in long if p in LONG_LINES and c.fullmatch(text))


class _Remembering(BoilerplateMatcher):
    """:meth:`BoilerplateMatcher.remembering`: the same compiled patterns, and a dict of the
    answers given."""

    __slots__ = ("_answers",)

    def __init__(self, matcher: BoilerplateMatcher) -> None:  # (no super(): nothing compiled)
        for name in BoilerplateMatcher.__slots__:
            setattr(self, name, getattr(matcher, name))
        self._answers: dict[str, str | None] = {}

    def match(self, text: str) -> str | None:
        try:
            return self._answers[text]
        except KeyError:
            found = self._answers[text] = super().match(text)
            return found


# The default patterns' matcher, compiled and indexed once at import; immutable. Every other
# matcher that includes the defaults asks it first.
_DEFAULT_MATCHER = BoilerplateMatcher(DEFAULT_PATTERNS, include_defaults=False)


def boilerplate_matcher(extra: Iterable[str] = ()) -> BoilerplateMatcher:
    """A matcher for the default patterns plus ``extra`` (the compiled default when none).

    >>> boilerplate_matcher() is boilerplate_matcher()
    True
    """
    extra = tuple(extra)
    return BoilerplateMatcher(extra) if extra else _DEFAULT_MATCHER
