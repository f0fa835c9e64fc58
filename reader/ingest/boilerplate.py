"""Find publisher boilerplate (ads, pitches, notices, share prompts) spliced between paragraphs.

Boilerplate is recognised by its kind, not by one publisher's wording: it uses the vocabulary of
the genre (privacy policy, newsletter, free sample), talks to the reader ("you", "our") outside
quotes, opens sentences with calls to action, is often a bare label, shares little vocabulary
with the story around it, and comes in runs. Each paragraph is scored from these signals; one
weak signal never suffices, and when unsure the text is kept, because losing news text is worse
than keeping an ad.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain

FLAG_SCORE = 3.0  # total score at which a paragraph is boilerplate...
MIN_FAMILIES = 2  # ...if at least this many independent kinds of signal agree
MIN_GENRE = 1.0  # phrase weight before the genre's vocabulary counts as a signal at all
STRONG = 4.0  # a phrase this heavy (copyright lines) decides alone in a short paragraph
REPORTED_PENALTY = 1.5  # reported speech ("said", "told") is the manner of news, not of pitches
RUN_SCORE = 2.0  # a suspect paragraph with this much evidence joins an adjacent run
YOU_WEIGHT = 0.75  # per "you"/"your" outside quotes: pitches address the reader
WE_WEIGHT = 0.35  # per "we"/"our"/"us": weaker, since speakers say it too
ADDRESS_CAP = 2.5
ADDRESS_SPAN = 30  # reader address counts in full up to this many words, then is diluted
IMPERATIVE_WEIGHT = 1.0  # per sentence opening with a call-to-action verb
IMPERATIVE_CAP = 2.0
LOW_COHESION = 0.2  # share of content words also in the story, below which a paragraph...
LOW_COHESION_BONUS = 1.0  # ...looks spliced in
HIGH_COHESION = 0.5  # above this it is about the story...
HIGH_COHESION_PENALTY = 1.5  # ...and needs this much more evidence
ABSORB_COHESION = 0.5  # a short suspect line joins a run unless this much of it is story vocabulary
MIN_COHESION_WORDS = 3  # with fewer content words cohesion is not measured reliably...
PENALTY_WORDS = 6  # ...and a few generic words shared by chance must not excuse a pitch
SHORT_WORDS = 12  # lines this short may be absorbed into an adjacent run
EXCLAMATION_WORDS = 6  # "Thanks for signing up!" outside quotes is a pitch's manner
LABEL_WORDS = 4  # a "label" is at most this many words without sentence punctuation
LINK_WORDS = 30  # "Read more: ..." lines, captions and notices are at most this long
GAP_LINES = 2  # signal-free short lines removed when boilerplate stands on both sides
FORM_FIELDS = 3  # consecutive lines that are form field labels ("First name", "Work email"): a form
RUN_REASON = "promotional block"

_PRIVACY, _NEWSLETTER, _DOWNLOAD = "privacy/cookie notice", "newsletter/subscription pitch", "download form"
_FORM = "sign-up form"
_PITCHED = {_NEWSLETTER, _DOWNLOAD, _FORM}  # what a call to action above may be the pitch for
_SHARE, _MORE, _AD, _COPYRIGHT = "share prompt", "read-more link", "advertisement label", "copyright notice"
_SOCIAL = r"(?:facebook|twitter|instagram|linkedin|tiktok|youtube|whatsapp|telegram|x)\b"
# A share widget's buttons, one per line: a network's name and nothing else ("Facebook", "X", "Email").
_SHARE_BUTTON_RE = re.compile(r"(?:share (?:on|via) )?(?:facebook|twitter|instagram|linkedin|tiktok|whatsapp"
                              r"|telegram|reddit|pinterest|threads|bluesky|mastodon|flipboard|x|e-?mail|print"
                              r"|copy link|messenger)", re.I)
# (key words, reason, weight, pattern). A pattern is tried only when one of its key words occurs, which keeps
# this fast; weights are low where the words are also ordinary news vocabulary.
_PHRASES: list[tuple[str, str, float, str]] = [
    ("privacy terms cookie", _PRIVACY, 2.0, r"privacy (?:policy|notice|statement|settings)"
     r"|cookie (?:policy|settings|preferences|notice)|terms (?:of (?:service|use)|(?:and|&) conditions)"),
    ("apply", _PRIVACY, 2.0, r"(?:terms|conditions|t&cs) apply"),
    ("cookies", _PRIVACY, 1.0, r"cookies"),
    ("unsubscribe marketing", _PRIVACY, 2.0, r"unsubscribe|marketing (?:communications|emails)"),
    ("personal", _PRIVACY, 0.5, r"personal (?:data|information)"),
    ("newsletter newsletters inbox", _NEWSLETTER, 1.5, r"newsletter|inbox"),
    ("sign signing register", _NEWSLETTER, 1.5,
     r"sign(?:ing)? up (?:for|to|now|today|here)|register (?:for free|now|today|here)"),
    ("trial already become", _NEWSLETTER, 2.0, r"free trial|already (?:a (?:subscriber|member)|have an account)"
     r"|become a (?:subscriber|member)"),
    ("unlimited account", _NEWSLETTER, 1.5, r"unlimited (?:digital )?access|create (?:a free|an) account"),
    ("email alerts updates", _NEWSLETTER, 1.0, r"email address|(?:news|email|push) alerts|latest updates"),
    ("subscribe", _NEWSLETTER, 1.0, r"subscribe"),
    ("subscriber subscribers subscription", _NEWSLETTER, 0.5, r"subscri(?:bers?|ption)"),
    ("sample form", _DOWNLOAD, 2.0,
     r"free sample|(?:submit(?:ting)?|fill(?:ing)? (?:in|out)) (?:the|this) (?:below )?form"),
    ("download", _DOWNLOAD, 0.75, r"download"),
    ("share follow", _SHARE, 2.5, r"share this (?:article|story|page|post)|follow us"),
    ("share", _SHARE, 2.0, r"share (?:it|this|them) with (?:a friend|friends|your)"),
    ("facebook twitter instagram linkedin tiktok youtube whatsapp telegram", _SHARE, 2.0,
     r"(?:follow|like|share|join)\b[^.]{0,40}\bon " + _SOCIAL + r"|(?:whatsapp|telegram|youtube) channel"),
    ("comment comments", _SHARE, 1.5,
     r"(?:leave|post|add) a comment|comments? below|join the (?:conversation|discussion)"),
    ("click tap", _MORE, 2.0, r"(?:click|tap) here"),
    ("continue read", _MORE, 1.5, r"continue reading|read more"),
    ("sponsored paid", _AD, 2.0, r"sponsored (?:content|post|article)|paid (?:post|partnership|content)"),
    ("sponsored paid brought produced", _AD, 2.5, r"this (?:content|article|post|story|feature) (?:is|was) "
     r"(?:sponsored|paid for|brought to you|produced (?:in partnership|by our))"),
    ("sponsored advertisement", _AD, 1.0, r"sponsored by|advertisement"),
    ("commission affiliate", "affiliate disclosure", 2.0, r"(?:earn|receive) (?:a )?commission|affiliate (?:links?"
     r"|commission)"),
    ("journalism", "donation appeal", 2.5, r"support (?:our|independent|quality) journalism"),
    ("donate", "donation appeal", 1.0, r"donate"),
    ("shop save off code offer", RUN_REASON, 1.5,
     r"shop (?:now|the sale|today)|save up to|% off\b|(?:promo|discount) code|limited[- ]time offer"),
    ("app", RUN_REASON, 2.0, r"(?:get|download|install) (?:the|our) (?:free )?(?:\w+ )?app\b"),
    ("ios android store play", RUN_REASON, 1.5, r"available on (?:ios|android|the app store|google play)|app store"
     r"|google play"),
    ("tip tips", RUN_REASON, 1.5, r"have a (?:news )?tip|send (?:us )?(?:a |your )?tips?\b|tips? line"),
    ("article story page", RUN_REASON, 1.0, r"(?:enjoy(?:ing|ed)?|like|this) (?:this )?(?:article|story|page)\?"),
    ("learn find", RUN_REASON, 1.0, r"learn more|find out more"),
    ("com org net www http https", RUN_REASON, 1.0, r"@[\w-]+\.\w|www\.|https?://"),  # somewhere to write or visit
    ("reserved copyright", _COPYRIGHT, STRONG, r"all rights reserved|copyright (?:19|20)\d\d"),
    ("originally republished", _COPYRIGHT, STRONG, r"originally (?:published|appeared|posted) (?:in|on|by|at)"
     r"|republished (?:from|with permission|under)"),
    ("contributed", "byline credit", STRONG, r"contributed (?:reporting )?to this (?:report|story|article)"),
]
_PATTERNS = [re.compile(pattern) for _, _, _, pattern in _PHRASES]  # no leading \b: it would slow search down
_BY_KEY: dict[str, list[int]] = {}
for _i, (_keys, _, _, _) in enumerate(_PHRASES):
    for _key in _keys.split():
        _BY_KEY.setdefault(_key, []).append(_i)
_KEYS = frozenset(_BY_KEY)

_LABEL_RE = re.compile(
    r"(?P<ad>advertisement|advert|ads?|sponsored(?: content| post)?|promoted(?: content)?|paid (?:post|content)"
    r"|story continues below(?: advertisement)?|skip advert(?:isement)?|scroll (?:down )?to continue(?: reading)?)"
    r"|(?P<share>share(?: this)?(?: article| story| page| post)?|share on \w+|follow us(?: on \w+)?"
    r"|print(?: this (?:article|page))?|email(?: this (?:article|story))?|comments?|leave a comment)"
    r"|(?P<more>related(?: articles| stories| content| coverage| links| topics)?|read more|more stories"
    r"|more on this(?: story| topic)?|more from [\w .'’&-]{1,40}|continue reading(?: the main story)?"
    r"|recommended(?: for you| stories)?|most (?:read|popular|viewed)|top stories|trending(?: now)?"
    r"|you may also like|see also|also read|listen to this (?:article|story)|watch (?:the )?video)"
    r"|(?P<sub>subscribe(?: now| today)?|sign (?:up|in)(?: now)?|log ?in|newsletters?|register(?: now| for free)?"
    r"|create (?:a free )?account)"
    r"|(?P<donate>donate(?: now| today)?|support us|become a (?:member|supporter))"
    r"|(?P<privacy>privacy (?:policy|notice|settings)|terms(?: of (?:service|use)| (?:&|and) conditions)"
    r"|cookie (?:policy|settings|preferences)|(?:accept|manage|reject) (?:all )?cookies|contact us|about us)"
    r"|(?P<nav>skip (?:to )?(?:the )?(?:main )?(?:content|navigation|article)|jump to (?:the )?(?:main )?content"
    r"|back to top|(?:open |close )?(?:main )?menu)",
    re.I,
)
_LABEL_REASONS = {"nav": "navigation link", "ad": _AD, "share": _SHARE, "more": _MORE, "sub": _NEWSLETTER, "donate": "donation appeal",
                  "privacy": _PRIVACY}
_NAV_SPLIT_RE = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")  # "Privacy Policy | Terms of Service"
# An ad spliced into the text with its label in front: "Advertisement – Calverston Marine Supplies: ...",
# "ADVERTISEMENT: Ashby Harbour Credit Union. Remortgage with ...", "Sponsored: ...". The label says
# what the whole short paragraph is, however its copy is worded.
_AD_PREFIX_RE = re.compile(r"(?:advertisement|advert|ad|sponsored(?: content| post)?|paid (?:content|post|partnership)"
                           r"|promoted(?: content)?|partner content)\s*[:|–—]\s*\S|(?:advertisement|advert)\s+-\s+\S", re.I)
_PREFIX_RE = re.compile(r"(?:read more|related|see also|also read|read also|recommended|watch|listen)"
                        r"\s*[:|»›>–—-]+\s*[\w“\"‘']", re.I)
_CREDIT_RE = re.compile(
    r"^(?:photo(?:graph)?|image|picture|illustration|credit)s?(?: credit)?\s*[:|]\s*[\w“\"]"
    r"|[/|]\s*(?:getty(?: images)?|afp|reuters|ap|shutterstock|alamy|epa|pa(?: images| media| wire)?|bloomberg)\b"
    r"|\((?:ap |afp |reuters )?photo\b|\bimage (?:copyright|caption|source)\b"
    r"|\b(?:photo|picture|image)s? (?:by|courtesy of) [A-Z]",
    re.I,
)
# The labels of a web form's fields, the genre's own vocabulary. One alone ("Company") is a word;
# FORM_FIELDS of them in a row are the form a pitch asks the reader to fill in.
_FIELD_RE = re.compile(
    r"(?:(?:your |work |business |company )?(?:(?:first|last|full|given|family|sur)[ -]?)?name"
    r"|(?:your |work |business )?e-?mail(?: address)?|company(?: name| size)?|organi[sz]ation|employer"
    r"|(?:job )?(?:title|role|function)|(?:phone|telephone|mobile)(?: number)?|country(?:/region)?"
    r"|state(?:/province)?|province|city|zip(?: code)?|post ?code|postal code|industry|department"
    r"|(?:confirm )?password)\s*\*?\s*:?\s*\*?",
    re.I,
)
_BYLINE_RE = re.compile(r"(?:(?:additional )?reporting|writing|editing|compiled|produced) by [A-Z]"
                        r"|(?:tags|filed under)\s*:\s*\w", re.I)
# The newsroom speaking about its own page, not about the news: notes on the story's history,
# who wrote it and how to reach them, when it was posted, appeals to support the outlet.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NEWSROOM_RE = re.compile(
    r"^(?:editor['’]?s['’]? note|editors['’] note|correction|clarification|update)\s*[:—–-]"
    r"|^(?:this|the) (?:article|story|report|explainer|post|piece|page) (?:was|has been|is) (?:updated|amended|corrected"
    r"|changed|revised|first published|originally published)"
    r"|^an earlier version of this\b"
    r"|\bcontributed (?:additional )?(?:reporting|research)\b"
    r"|^(?:reach|contact|email|write to|follow) (?:him|her|them|us|me|the (?:author|writer|reporter))\b"
    r"|^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:covers|reports on|writes about) [\w ,&-]{2,60} for (?:the |The )?[A-Z]"
    r"|^(?:published|posted|updated|last updated|first published)\s*:?\s*(?:on\s+)?(?:\w+day,?\s+)?"
    r"(?:\d{1,2}\s+)?" + _MONTH + r"\s+(?:\d{1,2},?\s+)?\d{4}"
    r"|\|\s*(?:\w+day,?\s+)?" + _MONTH + r"\s+\d{1,2},?\s+\d{4}"
    r"|\b(?:listener|reader|viewer|member)[- ]supported\b"
    r"|^become a (?:sustaining |monthly |paying )?(?:member|supporter|subscriber)\b",
    re.I,
)
# These open with a literal character class so the regex engine can skip ahead quickly.
_ADDRESS_RE = re.compile(
    r"[YyWwOou](?<!\w[YyWwOou])(?:(?<=[Yy])(?P<you>ou(?:rs?|rself|['’](?:re|ll|ve|d))?)"
    r"|(?<=[Ww])e(?:['’](?:re|ll|ve))?|(?<=[Oo])urs?|(?<=u)s)(?!\w)"
)
_QUOTED_RE = re.compile(
    r"“[^”]*(?:”|$)|«[^»]*(?:»|$)|‘(?<!\w‘)[^’]*’(?!\w)"  # curly quotes know their direction
    r"|\"(?<![^\s(\[—–-]\")(?=\S)(?:.*?(?<=\S)\"(?!\w)|.*$)"  # straight ones open after a space
)
_CTA = ("subscribe sign download click tap share follow read visit access get save gain join register learn watch "
        "try enter submit log donate buy discover explore check start claim unlock shop listen stay become support "
        "upgrade receive grab fill send email contact install scroll don't don’t never").split()
_CTA_ALTERNATIVES = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _CTA)
_IMPERATIVE_RE = re.compile(rf"[.!?]\s+[“\"']?(?:Please )?(?:{_CTA_ALTERNATIVES})\b")  # a sentence opening with one
_TRIGGERS = frozenset(w.split("'")[0].split("’")[0] for w in _CTA) | {"you", "your", "yours", "we", "our", "us"}
_MANNER = frozenset({"address", "imperative", "label", "exclamation", "question", "short"})
_SHAPES = frozenset({"short", "label", "question"})  # shapes of headings and news lines too: weak
_REPORTING = frozenset("said says told according".split())
_QUOTES = "“\"‘'«"
_ASCII_WORDS = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))  # else a space
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_NOT_CONTENT = frozenset(
    "the and but for with from are was were been being its this that these those there here she they them his her"
    " their you your our not than then too very can could will would shall should may might must does did have"
    " has had who whom which what when where why how all any each more most other some such only own same just"
    " also into over after before about down out off again further once said says say one two new get got".split()
) | {a + b for a in _ALNUM for b in _ALNUM} | set(_ALNUM)  # and every word under three characters


def _search(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` occurs starting at a word boundary."""
    match = pattern.search(text)
    while match and match.start() and text[match.start() - 1].isalnum() and text[match.start()].isalnum():
        match = pattern.search(text, match.start() + 1)
    return match is not None


def _unquoted(text: str) -> str:
    """The text with quoted speech blanked out, so a speaker's "you" is not read as a pitch."""
    close = text.find("”")
    if close >= 0 and "“" not in text[:close]:  # a quotation carried over from the paragraph above
        text = text[close + 1 :]
    return _QUOTED_RE.sub(" ", text)


class _Para:
    """The signals of one paragraph, measured once."""

    __slots__ = ("words", "content", "score", "families", "reasons", "strong", "cohesion", "fields", "calls",
                 "button", "titled")

    def __init__(self, raw: str, kind: str) -> None:
        text = " ".join(raw.split())
        lower = text.lower()
        lines = [line.strip(" \t*_#>-") for line in raw.splitlines() if line.strip()]
        # Form field lines, when the paragraph is nothing else but buttons ("Download now"): their number.
        fields = sum(1 for line in lines if _FIELD_RE.fullmatch(line))
        buttons = all(_FIELD_RE.fullmatch(line) or _is_button(line) for line in lines)
        self.fields = fields if buttons else 0
        self.calls = False  # opens with a call to action ("Download the 2026 report")
        self.button = bool(lines) and all(_SHARE_BUTTON_RE.fullmatch(line) for line in lines)
        # Opens with a heading-shaped line: no full stop, and any next line starts a new unit (capital).
        self.titled = bool(lines) and lines[0][-1:] not in ".?!:;,\"”’'" and (
            len(lines) == 1 or lines[1][:1].isupper())
        tokens = set(lower.encode().translate(_ASCII_WORDS).decode("ascii").split())
        self.words = text.count(" ") + 1 if text else 0
        self.content = tokens - _NOT_CONTENT
        self.reasons: dict[str, float] = {}
        self.families: set[str] = set()
        self.strong: str | None = None
        self.cohesion: float | None = None
        self.score = 0.0
        if not text:
            return
        if self.words <= LINK_WORDS:
            self._rules(text, kind)
        for i in {i for key in tokens & _KEYS for i in _BY_KEY[key]}:
            if _search(_PATTERNS[i], lower):
                _, reason, weight, _ = _PHRASES[i]
                self.reasons[reason] = self.reasons.get(reason, 0.0) + min(weight, STRONG - 1)
                if weight >= STRONG and self.words <= LINK_WORDS:
                    self.strong = self.strong or reason
        if sum(self.reasons.values()) >= MIN_GENRE:
            self.families.add("phrase")
        address = imperative = 0.0
        if tokens & _TRIGGERS and kind != "quote":
            unquoted = _unquoted(text)
            found = _ADDRESS_RE.findall(unquoted)
            you = sum(1 for f in found if f)
            address = min(ADDRESS_CAP, YOU_WEIGHT * you + WE_WEIGHT * (len(found) - you))
            address *= min(1.0, ADDRESS_SPAN / self.words)
            self.calls = bool(_IMPERATIVE_RE.match(". " + unquoted[:20]))
            imperative = len(_IMPERATIVE_RE.findall(unquoted)) + self.calls
            imperative = min(IMPERATIVE_CAP, IMPERATIVE_WEIGHT * imperative)
        if address:
            self.families.add("address")
        if imperative:
            self.families.add("imperative")
        if self.words <= SHORT_WORDS:  # a standalone line: the shape of labels, buttons and teasers
            self.families.add("short")
        if self.words <= SHORT_WORDS and text[0] not in _QUOTES:  # "Thank you!", "Looking for more?"
            if text[-1] == "!" and self.words <= EXCLAMATION_WORDS:
                self.families.add("exclamation")
            elif text[-1] == "?" or "? " in text:
                self.families.add("question")
        reported = REPORTED_PENALTY if tokens & _REPORTING else 0.0  # "..., the company said": news
        self.score = sum(self.reasons.values()) + address + imperative - reported

    def _rules(self, text: str, kind: str) -> None:
        """Self-sufficient rules for short lines: bare labels, 'Read more:' links, credits."""
        parts = [p for p in _NAV_SPLIT_RE.split(text.strip(" :|»›>–—-•·")) if p]
        labels = [_LABEL_RE.fullmatch(p) for p in parts]
        if labels and all(labels) and (self.words <= 3 * LABEL_WORDS or kind == "heading"):
            self.strong = _LABEL_REASONS[labels[0].lastgroup or "ad"]  # type: ignore[union-attr]
        elif _PREFIX_RE.match(text):
            self.strong = "read-more link"
        elif _AD_PREFIX_RE.match(text):
            self.strong = _AD
        elif _CREDIT_RE.search(text):
            self.strong = "image credit"
        elif "©" in text:
            self.strong = "copyright notice"
        elif _BYLINE_RE.match(text.lstrip("([")):
            self.strong = "byline credit"
        elif _NEWSROOM_RE.search(text):
            self.strong = "newsroom note"
        elif kind == "caption":
            self.strong = "image caption"
        if self.words <= LABEL_WORDS and text[-1] not in ".?!\"”" and kind != "heading":
            self.families.add("label")

    def is_story(self) -> bool:
        """A full paragraph with no sign of boilerplate: its words are the story's vocabulary."""
        return not self.strong and not self.families  # short lines ("By GlobalData") do not vouch

    def evidence(self) -> tuple[float, int]:
        """Score and number of independent kinds of signal, cohesion included."""
        score, families = self.score, len(self.families)
        cohesion = self.cohesion if len(self.content) >= MIN_COHESION_WORDS else None
        if cohesion is not None and cohesion < LOW_COHESION:
            score, families = score + LOW_COHESION_BONUS, families + 1
        elif cohesion is not None and cohesion > HIGH_COHESION and len(self.content) >= PENALTY_WORDS:
            score -= HIGH_COHESION_PENALTY
        return score, families

    def verdict(self) -> str | None:
        """The reason to remove this paragraph on its own evidence, or None."""
        if self.strong:
            return self.strong
        score, families = self.evidence()
        # The genre's vocabulary names the kind; a pitch's manner (or brevity) must confirm it.
        manner = self.families & _MANNER
        if score < FLAG_SCORE or families < MIN_FAMILIES or "phrase" not in self.families or not manner:
            return None
        return max(self.reasons, key=self.reasons.__getitem__)

    def joins_run(self) -> bool:
        """Whether it may join an adjacent run: a short suspect line, or a suspect off-topic paragraph."""
        if not self.families - _SHAPES or self.words > LINK_WORDS:  # long ones must make their own case
            return False
        cohesion = self.cohesion if len(self.content) >= MIN_COHESION_WORDS else None
        if self.words <= SHORT_WORDS:
            return "phrase" in self.families or cohesion is None or cohesion < ABSORB_COHESION
        score, families = self.evidence()
        off_topic = (cohesion or 0.0) < (ABSORB_COHESION if "phrase" in self.families else LOW_COHESION)
        acts = bool(self.families & {"imperative", "phrase"})  # "you can download it" alone is news
        return acts and score >= RUN_SCORE and families >= MIN_FAMILIES and off_topic

    def fills_gap(self) -> bool:
        """Whether a signal-free short line may go when boilerplate stands on both sides ("By X")."""
        return 0 < self.words <= SHORT_WORDS and (self.cohesion is None or self.cohesion < LOW_COHESION)


def _measure_cohesion(paras: list[_Para]) -> None:
    """Share of each paragraph's content words that the story (signal-free, full paragraphs) uses."""
    story = [p for p in paras if p.is_story()]
    if len(story) < 2:
        return
    counts = Counter(chain.from_iterable(p.content for p in story))  # one count, not one update per paragraph
    anywhere = counts.keys()
    twice = {w for w, n in counts.items() if n > 1}  # a story paragraph must not count itself
    for p in paras:
        if p.content:
            others = twice if p.is_story() else anywhere
            p.cohesion = len(p.content & others) / len(p.content)


def find_boilerplate(paragraphs: Sequence[str], kinds: Sequence[str] | None = None) -> list[str | None]:
    """For each paragraph (in document order) return None to keep it, or a short reason to remove it."""
    paras = [_Para(text, kinds[i] if kinds else "paragraph") for i, text in enumerate(paragraphs)]
    _measure_cohesion(paras)
    out = [p.verdict() for p in paras]
    # A form: field labels in a row, one paragraph or several ("First name", "Last name", "Work email").
    start = 0
    for end in range(len(paras) + 1):
        if end == len(paras) or not paras[end].fields:
            if sum(p.fields for p in paras[start:end]) >= FORM_FIELDS:
                out[start:end] = [_FORM] * (end - start)
            start = end + 1
    # Runs: grow each flagged stretch over suspect neighbours, forward then back...
    for order in (range(1, len(paras)), range(len(paras) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            if out[i] is None and out[j] is not None and paras[i].joins_run():
                out[i] = RUN_REASON
    # A share widget: its buttons one per line, two or more in a row or one beside a share prompt.
    start = 0
    for end in range(len(paras) + 1):
        if end == len(paras) or not paras[end].button or out[end] not in (None, _SHARE):
            beside = _SHARE in (out[start - 1] if start else None, out[end] if end < len(paras) else None)
            if end - start >= 2 or (end > start and beside):
                out[start:end] = [_SHARE] * (end - start)
            start = end + 1
    # A sign-up's pitch: the short call to action just above a newsletter or download form.
    for i in range(1, len(paras)):
        if out[i] is not None and out[i - 1] is None and _PITCHED & {out[i], out[min(i + 1, len(out) - 1)]}:
            _flag_pitch(paras, out, i)
    # ...then close short gaps of off-topic lines between flagged paragraphs.
    flagged = [i for i, reason in enumerate(out) if reason]
    for a, b in zip(flagged, flagged[1:]):
        if 1 < b - a <= GAP_LINES + 1 and all(paras[k].fills_gap() for k in range(a + 1, b)):
            out[a + 1 : b] = [RUN_REASON] * (b - a - 1)
    return out


def _is_button(line: str) -> bool:
    """A form's button or a short label: a few words, no sentence punctuation."""
    return len(line.split()) <= LABEL_WORDS and line[-1:] not in ".?!\"”"


def _flag_pitch(paras: list[_Para], out: list[str | None], form: int) -> None:
    """The pitch a form fills in for: the short heading-shaped line before it that opens with a call to
    action ("Download the 2026 report", no full stop), with the one line that may describe the offer."""
    for pitch in (form - 1, form - 2):
        if pitch < 0 or any(out[i] is not None or paras[i].words > LINK_WORDS for i in range(pitch + 1, form)):
            return
        if out[pitch] in _PITCHED and pitch < form - 1:  # the pitch was found already: take the line between
            out[pitch + 1:form] = [RUN_REASON]
            return
        if out[pitch] is None and paras[pitch].words <= LINK_WORDS and paras[pitch].calls and paras[pitch].titled:
            out[pitch:form] = [RUN_REASON] * (form - pitch)  # "Support for a ban has fallen." is news, no pitch
            return
