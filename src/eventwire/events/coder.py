"""Rule-based event coder: lexicon triggers + dependency arguments + modality."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from eventwire.actors.knowledge import people_nouns
from eventwire.context import Context
from eventwire.events.arguments import CODER as ARGUMENTS_CODER
from eventwire.events.arguments import ActorIndex, actors_of, find_arguments, is_passive, opened_by
from eventwire.events.lexicon import VERSION, Lexicon, Trigger, lemmas
from eventwire.events.modality import is_conditional, modality_of, prospective, reporting_verbs
from eventwire.events.quantities import find_quantities, names_harm, parse_number
from eventwire.model import Actor, Article, Event, Evidence
from eventwire.nlp.parse import sentence_spans
from eventwire.registry import register
from eventwire.spans import actor_index

CODER = "events.rules.v1"
COUNTED_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
PRIVATE_SECTORS = {"CVL", "BUS"}
# acts whose object may be the source's own forces, sent, pulled back or offered: its means, not its target
MEANS_TYPES = {"MOBILIZE", "RETREAT", "AGREE", "AID", "SUPPORT", "COOPERATE"}
# acts a bomb or a blast can carry out for an unnamed force; nobody is charged by a bombing
MATERIAL_CONFLICT = {"ASSAULT", "COERCE"}
FORCES_SECTORS = {"MIL", "COP"}
HOSTILE_TYPES = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}
BACKGROUND_PREPOSITIONS = {"after", "following", "since", "before", "amid", "during", "prior", "despite"}
PRIOR_PREPOSITIONS = {"after", "following", "since"}
INTENT_CAMEO, THREAT_CAMEO, REJECT_CAMEO, DEMAND_CAMEO, RIOT_CAMEO = "030", "130", "120", "100", "145"
DEMONSTRATE_CAMEO, CRITICIZE_CAMEO, ACCUSE_CAMEO = "141", "111", "112"
VISIT_CAMEO = "042"
# words an attack is coordinated with when it is made in words ("attack and critique")
CRITICIZING = frozenset({"critique", "criticize", "criticise", "denounce"})
ATTACKING = frozenset({"attack", "assault", "assail"})
# verbs that say what something is taken for ("condemned the test as a threat")
JUDGING = frozenset({"condemn", "denounce", "describe", "see", "view", "regard", "consider", "label", "brand",
                     "perceive", "characterize", "characterise", "portray", "call"})
SEIZE_CAMEO, RESTRICT_CAMEO, PHONE_CAMEO, ARREST_CAMEO = "171", "191", "041", "173"
DECLINE_TO_YIELD_CAMEO = "124"
CAPTURING = {"capture", "recapture"}  # a person captured is arrested; a town, fought for
GREETING = {"greet", "welcome"}  # a person greeted is met; a decision welcomed, praised
HOLDING = {"hold"}  # a person held is detained; talks held took place
STRIVING = {"fight", "battle"}  # "fought to keep the boy": a struggle, unless armed men fight to take a town
DEGREE = {"slightly"}  # "has declined slightly from": the one degree adverb seen with a fall
MARGINS = {"point", "percent", "vote", "margin", "%"}  # "beat him by 10 points"
NAMED_PARTIES = {"PERSON", "NORP", "GPE", "ORG"}  # "Trump narrowly beat Clinton", "Sweden recognized Palestine"
ROUNDING = {"round"}  # people rounded up are arrested when the text names them
HOST_CAMEO = "043"
PERSONAL = {"he", "she", "him", "her"}
COMPLEMENTS = {"ccomp", "xcomp", "dobj", "advcl", "npadvmod", "prt", "conj"}  # what an "agree" may take
PARTITIVE_POS = {"PRON", "DET", "NUM", "ADJ"}  # "some of the footage", "most of them", "20 of the prisoners"
COUNTING_NOUNS = frozenset({"majority", "dozen", "handful", "number", "rest", "group", "hundred", "thousand", "total"})
IMPERSONAL = frozenset({"it", "this", "that", "these", "those", "which", "what", "something", "anything",
                        "everything", "nothing"})
MAX_PARTITIVE_DEPTH = 3  # "some of the 20 of the prisoners"; a malformed chain of "of"s stops here
NAMED_THINGS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "DATE", "TIME", "MONEY", "PERCENT"})
COMMENTING = frozenset({"comment", "elaborate", "confirm", "speculate", "specify", "say", "disclose"})
PRESS = "JRN"  # the sector of journalists and the media
UNNAMED = frozenset({"name", "identify", "quote"})  # "asked not to be named": anonymity, no request
POLICE = {"COP", "GOV", "JUD", "SPY"}  # a raid by these is a search; by soldiers, an assault
MARCHING = frozenset({"march", "parade"})  # what state forces do on parade
YIELDED = frozenset({"power", "ground", "control", "territory", "seat"})  # what is yielded as a concession
MADE_THREATS = frozenset({"issue", "send", "receive", "repeat", "renew", "deliver", "voice"})  # a threat made
MAX_CLAUSE_CLIMB = 3
BLASTS = frozenset({"explosion", "blast", "explode", "fire", "blaze"})  # what a hazard may cause
NOMINAL_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass"}  # where a word tagged as a verb is a noun
SEEMING = {"feel", "seem", "appear", "look", "sound"}  # verbs whose participle complement is a state
HANDFUL = 5
ARMED_SECTORS = {"MIL", "REB", "COP", "GOV", "UAF", "SPY", "INS"}
OBLIGATION = {"must", "should"}
ANNOUNCING = {"will", "shall", "'ll", "wo"}
VOWING = {"vow", "swear"}
# the actor an event implies when the text names none: (name, sector)
IMPLIED_SOURCES = {"PROTEST": ("protesters", "CVL"), "ASSAULT": ("unidentified attackers", "UAF")}
# acts only the state does, by their CAMEO code: an arrest implies police, a sentence a court
IMPLIED_STATE_SOURCES = {("COERCE", "173"): ("police", "COP"), ("SANCTION", "173"): ("a court", "JUD"),
                         ("SANCTION", "116"): ("a court", "JUD"), ("ACCUSE", "173"): ("prosecutors", "JUD"),
                         ("COERCE", "174"): ("authorities", "GOV")}


@register("events", "rules.v1")
def code_events(article: Article, ctx: Context) -> Article:
    """Code every event mention of the article (merging mentions is the dedup stage's job)."""
    lexicon: Lexicon = ctx.lexicon
    index = actor_index(article.actors)
    events: list[Event] = []
    for sentence in sentence_spans(article.doc):
        events += code_sentence(sentence, article, lexicon, index)
    return dataclasses.replace(article, events=tuple(events))


def code_sentence(sentence: Span, article: Article, lexicon: Lexicon, index: ActorIndex) -> list[Event]:
    """Return the event mentions of one sentence: lexicon triggers and stated demands."""
    events: list[Event] = []
    quantities = None
    for token in sentence:
        trigger = match_trigger(token, lexicon)
        if trigger is None:
            if token.lower_ in OBLIGATION and token.dep_ == "aux":
                events += _demand(token, article, lexicon, index)
            elif token.lower_ == "responsible" and token.dep_ == "acomp":
                events += _blame(token, article, lexicon, index)
            continue
        anchor = _compound_head(token, lexicon) or token
        phoned = trigger.cameo == PHONE_CAMEO
        sources, targets = (_not_trigger(actors, token) for actors in find_arguments(anchor, index, places=not phoned))
        if phoned and not _partnered(sources, targets):
            continue  # "speaking by phone from Oman", "made a phone call at the airport"
        if trigger.lemma in ROUNDING and not any(actor.sector for actor in targets):
            continue  # "dozens of men were rounded up", not "the Kenyan figures were rounded up"
        if trigger.lemma in STRIVING and _strives(token, sources):
            continue  # "relatives have fought to keep the boy", "companies are fighting to protect their business"
        if trigger.plover == "ASSAULT" and trigger.lemma in ATTACKING and _in_words(token, sources, index, article, lexicon):
            trigger = lexicon.code(CRITICIZE_CAMEO)
        if trigger.plover in MEANS_TYPES:
            targets = _not_own_forces(targets, sources)
        if trigger.plover not in MATERIAL_CONFLICT:
            sources = [actor for actor in sources if not _attack_means(actor)]  # "charged in the bombing"
        actorless = not sources and not targets
        if actorless and trigger.lemma not in lexicon.word_lists["standalone"] and not (
                (trigger.plover, trigger.cameo) in IMPLIED_STATE_SOURCES and _has_patient(token)):
            continue  # an arrest of someone ("dozens were detained") needs no named party
        if trigger.plover in COOPERATIVE_TYPES - {"CONSULT"} and _private(sources + targets):
            continue  # "a local company provided the cables" (a meeting may still be news)
        if trigger.lemma == "talk" and targets and all(actor.sector == PRESS for actor in targets):
            continue  # "talks to the media", "talked to reporters": a statement to the press, no consultation
        if trigger.lemma == "meet" and _meets_no_one(token, index):
            continue  # "only four NATO countries meet the bar", "met the requirements", "met his death"
        if trigger.cameo == VISIT_CAMEO and _unofficial(sources) and _unofficial(targets):
            continue  # "the Bateses were visiting the arch with their son", "a woman visiting from Canada"
        if quantities is None:
            quantities = find_quantities(sentence)
        if _still_ahead(token):
            modality = "future"
        elif _is_background(token) and not prospective(token):
            modality = "historical"
        else:
            modality = modality_of(token)
        event = Event(
            type=trigger.plover, mode=trigger.mode, context=trigger.context, cameo=trigger.cameo,
            goldstein=trigger.goldstein, sources=tuple(sources), targets=tuple(targets),
            trigger=_trigger_text(token, trigger), modality=modality, evidence=_evidence(token, article, trigger),
            quantities=quantities if trigger.plover in COUNTED_TYPES else (),
        )
        events += [with_implied_source(coded) for coded in reinterpret(
            dataclasses.replace(event, mentions=(event.evidence,)), lexicon,
            conditional=is_conditional(token), lemma=trigger.lemma, announced=_announced(token))]
    return events


def reinterpret(event: Event, lexicon: Lexicon, *, conditional: bool = False, lemma: str = "",
                announced: bool = True) -> list[Event]:
    """Apply what PLOVER codes from modality: refusals, intents and threats.

    A negated agreement or concession is a rejection ("will not accept refugees"); a
    cooperative act stated as future is an intent to cooperate (AGREE) and a hostile one,
    or any act announced on a condition ("will withdraw unless..."), a threat (THREATEN),
    each asserted beside the future event itself; an act only wished, planned or set in a
    time to come ("a gunman who said he wanted to kill", "once Israel signs a deal") is no
    threat or intent unless it is announced ("will strike", "will provide aid"). Civilians clashing or throwing stones
    riot (PROTEST), they do not assault; protesters who demand or denounce protest. State
    security forces that raid or block are policing (COERCE seize/restrict), not attacking
    or protesting, and troops that march parade.
    """
    if lemma in lexicon.word_lists["policing"] and event.type in ("ASSAULT", "PROTEST"):
        cameo, forces = (SEIZE_CAMEO, POLICE) if event.type == "ASSAULT" else (RESTRICT_CAMEO, POLICE | {"MIL"})
        if _done_by(event, forces):
            event = _recode(event, lexicon.code(cameo), event.modality)
    elif event.type == "ASSAULT" and lemma in lexicon.word_lists["melee"] and _civilian_violence(event, lexicon):
        event = _recode(event, lexicon.code(RIOT_CAMEO), event.modality)  # a vow to riot is still a threat
    if event.type == "PROTEST" and lemma in MARCHING and _done_by(event, POLICE | {"MIL"}):
        return []  # "army troops march in a parade": a parade, not a protest
    if event.type in ("REQUEST", "ACCUSE", "REJECT") and event.happened and _crowd(event, lexicon):
        return [_recode(event, lexicon.code(DEMONSTRATE_CAMEO), event.modality), event]
    if event.modality == "negated" and event.type in ("AGREE", "CONCEDE"):
        return [_recode(event, lexicon.code(REJECT_CAMEO), "asserted")]
    if event.modality == "negated" and event.type == "RETREAT":
        # CAMEO 124: "will not step down", "refuses to withdraw its troops" decline to yield
        return [_recode(event, lexicon.code(DECLINE_TO_YIELD_CAMEO), "asserted")]
    if event.modality in ("future", "threatened") and event.sources:
        if conditional and (announced or event.modality == "threatened"):
            return [event, _recode(event, lexicon.code(THREAT_CAMEO), "asserted")]
        if event.type in COOPERATIVE_TYPES and event.type != "AGREE" and announced:
            return [event, _recode(event, lexicon.code(INTENT_CAMEO), "asserted")]
        if event.type in HOSTILE_TYPES and announced:
            return [event, _recode(event, lexicon.code(THREAT_CAMEO), "asserted")]
    return [event]


def _announced(token: Token) -> bool:
    """Whether the act is announced by an auxiliary of its own clause or of the verb it
    completes ("will strike", "is going to attack", "vowed it will hit back"), by a vow
    ("vowed to strike back", "have sworn to fight")."""
    if token.dep_ in ("xcomp", "advcl") and token.head.lemma_.lower() in VOWING:
        return True
    for verb in (token, token.head) if token.dep_ in ("xcomp", "conj") else (token,):
        if any(child.dep_ == "aux" and (child.lower_ in ANNOUNCING or child.lemma_ == "go")
               for child in verb.children):
            return True
    return False


def with_implied_source(event: Event) -> Event:
    """Give a protest, an attack, an arrest or a sentence that happened with no named source
    the actor it implies.

    "Protests were held in Erode" implies protesters, "a man was shot dead" an unidentified
    attacker, "two men were arrested" police, "he was sentenced to death" a court. The actor
    has kind "implied", no text and the trigger as evidence; it takes the country of the
    event's place in the location stage, as ACLED's "Protesters (India)".
    """
    implied = IMPLIED_STATE_SOURCES.get((event.type, event.cameo or "")) or IMPLIED_SOURCES.get(event.type)
    if implied is None or event.sources or not event.happened:
        return event
    name, sector = implied
    actor = Actor("", name, None, sector, "implied", event.evidence)
    return dataclasses.replace(event, sources=(actor,))


def match_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    """Return the lexicon entry `token` triggers, checking particle and object conditions."""
    pos = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}.get(token.pos_)
    if pos is None or token.ent_type_ in ("PERSON", "ORG", "GPE", "WORK_OF_ART", "LAW"):
        return None
    if pos == "NOUN" and token.dep_ == "compound" and not _compound_head(token, lexicon):
        return None  # "murder rates", "protest leaders"
    if _figurative(token, lexicon) or _generic(token) or _felt(token) or _habitual(token):
        return None
    for trigger in _candidates(token, pos, lexicon):
        if trigger.with_word and not _has_word(token, trigger.with_word):
            continue
        if trigger.object_list and not trigger.object_holds(
                _has_object(token, lexicon.word_lists[trigger.object_list])):
            if trigger.object_excluded:
                return None  # "released a statement", "offered prayers": another sense
            continue
        if trigger.lemma in CAPTURING and _person_patient(token, lexicon.word_lists["captives"]):
            return lexicon.code(ARREST_CAMEO)  # "captured the chief suspect", "Abdeslam, who was captured"
        if _other_sense(token, trigger, lexicon):
            return None  # "Clinton beats Trump by 46 percent", "the decision was met with outrage"
        if trigger.lemma in HOLDING and not _held(token, lexicon):
            return None  # "talks were held", "held him responsible"
        if trigger.lemma in GREETING:
            if _person_patient(token, frozenset()):
                return lexicon.code(HOST_CAMEO)  # "Hollande welcomes Macron", "greeted by King Felipe"
            if trigger.cameo == HOST_CAMEO:
                return None  # "was greeted with chants": no one met
        if trigger.plover == "ASSAULT" and _caused_by_mishap(token, lexicon):
            return None
        if trigger.plover == "THREATEN" and (not _own_act_warned(token) or _characterised(token)
                                             or not _threat_made(token, lexicon)):
            return None
        if trigger.plover == "ASSAULT" and _spoken(token):
            return lexicon.code(CRITICIZE_CAMEO)
        return trigger
    return None


def _candidates(token: Token, pos: str, lexicon: Lexicon) -> tuple[Trigger, ...]:
    """The lexicon rows of the first of the token's lemmas that has any ("shoot-out", "rape");
    a word tagged as a verb where a noun stands ("following a government forces airstrike
    on ...", the object of a preposition) is looked up as the noun too."""
    for lemma in lemmas(token):
        if found := lexicon.candidates(lemma, pos):
            return found
    if pos == "VERB" and token.dep_ in NOMINAL_DEPS and token.tag_ != "VBG":
        return _candidates(token, "NOUN", lexicon)
    return ()


def _has_patient(token: Token) -> bool:
    """Whether the act names whom it is done to: "dozens were arrested", "detained two men",
    "the arrest of the suspect", "those detained Monday"."""
    if token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return True  # a participle clause on the noun that undergoes the act
    return any(child.dep_ in ("dobj", "nsubjpass") or child.dep_ == "prep" and child.lower_ == "of"
               and token.pos_ == "NOUN" for child in token.children)


def _held(token: Token, lexicon: Lexicon) -> bool:
    """Whether "hold" keeps someone in custody: a person, a prisoner or a suspect is held
    ("are still being held", "was held as a detainee"), not talks, a vote or a hand, and no
    one is held to account ("held him responsible")."""
    if any(child.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and child.lower_ != "hostage" for child in token.children):
        return False
    return _person_patient(token, lexicon.word_lists["captives"] | lexicon.word_lists["detainees"])


def _others(targets: list[Actor], sources: list[Actor]) -> list[Actor]:
    """The targets that are not one of the sources under another mention ("he" resolved to Trump)."""
    names = {actor.name for actor in sources if actor.name}
    return [actor for actor in targets if actor.name not in names]


def _strives(token: Token, sources: list[Actor]) -> bool:
    """Whether fighting "to" do something is striving for it: the fighters are no armed force
    ("Elian's relatives have fought to keep the boy", "Scott has fought to push through
    reforms"; not "rebel groups fighting to topple Assad", nor a state's fight)."""
    goal = any(child.dep_ in ("xcomp", "advcl") and child.tag_ == "VB"
               and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children) for child in token.children)
    return token.pos_ == "VERB" and goal and not any(
        actor.sector in ARMED_SECTORS or actor.kind == "state" for actor in sources)


def _interviewed(token: Token, lexicon: Lexicon) -> bool:
    """Whether "asked" is a participle clause on the one who answers, with no asker named:
    "Asked about the attack, the minister said ...", "When asked whether ..., he declined"."""
    return token.tag_ == "VBN" and token.dep_ in ("advcl", "acl") and not any(
        child.dep_ in ("nsubjpass", "nsubj", "agent", "auxpass") for child in token.children)


def _asked(token: Token, lexicon: Lexicon) -> bool:
    """Whether "ask" is no request of anyone: the one who answers is asked ("Asked about the
    attack, the minister said ...", `_interviewed`), or a source asks not to be named."""
    return _interviewed(token, lexicon) or _anonymous(token, lexicon)


def _anonymous(token: Token, lexicon: Lexicon) -> bool:
    """Whether a request is a source's for anonymity: "an official who asked not to be named",
    "asked not to be identified", "who requested anonymity"."""
    return any((child.dep_ == "xcomp" and child.lemma_.lower() in UNNAMED and any(
        grandchild.dep_ == "neg" for grandchild in child.children))
        or (child.dep_ == "dobj" and child.lemma_.lower() == "anonymity") for child in token.children)


def _holds_view(token: Token, lexicon: Lexicon) -> bool:
    """Whether "agree" shares a view rather than commits: its complement is a clause that
    states a fact, no act to come ("agreed that Clinton is in good health"; not "agreed that
    they will remain in their homes", "agreed to withdraw"), or it sides with someone on
    nothing to be done ("do not agree with Trump")."""
    clauses = [child for child in token.children if child.dep_ == "ccomp"]
    if any(child.dep_ in ("xcomp", "dobj") for child in token.children):
        return False
    if any(aux.dep_ == "aux" and aux.tag_ == "MD" for clause in clauses for aux in clause.children):
        return False
    if clauses:
        return True
    # "the American people do not agree with Trump", "Anderson largely agreed with McLenny":
    # siding with someone, not a deal made with them ("agreed with the Russians on a truce",
    # "as agreed with pro-STC forces")
    preps = {child.lower_ for child in token.children if child.dep_ == "prep"}
    marked = any(child.dep_ == "mark" and child.lower_ == "as" for child in token.children)
    if not preps and not marked and token.dep_ != "conj" and not any(
            child.dep_ in COMPLEMENTS for child in token.children):
        # "Sixty-two percent of Republicans agreed.", "Meirmaridou, MSF's psychologist, agrees."
        # (not the answer to a proposal: "the rebels proposed a truce and the army agreed")
        return True
    return "with" in preps and not preps & {"on", "to", "upon", "over"} and not marked


def _talks_alone(token: Token, lexicon: Lexicon) -> bool:
    """Whether someone talks about a topic with no one: an "about" object, no partner ("with",
    "to", "between") and one speaker (not "the two leaders talked about trade")."""
    preps = {child.lower_ for child in token.children if child.dep_ == "prep"}
    if "about" not in preps or preps & {"with", "to", "between", "among"}:
        return False
    subjects = [child for child in token.children if child.dep_ == "nsubj"]
    return not any(subject.tag_ in ("NNS", "NNPS") or subject.conjuncts for subject in subjects)


def _declined(token: Token, lexicon: Lexicon) -> bool:
    """Whether "decline" is no refusal: a fall (`_fell`) or no comment (`_no_comment`)."""
    return _fell(token, lexicon) or _no_comment(token, lexicon)


def _no_comment(token: Token, lexicon: Lexicon) -> bool:
    """Whether a refusal is to comment to the press ("declined to comment", "declined to
    discuss the case", "refused to elaborate"): CAMEO 011, a statement PLOVER does not code,
    not a rejection of anyone's demand ("refused to discuss a truce with Hamas", "refused to
    give a statement to the police")."""
    return any(child.dep_ == "xcomp" and (child.lemma_.lower() in COMMENTING or child.lemma_.lower() == "discuss" and not any(
        grandchild.dep_ == "prep" and grandchild.lower_ == "with" for grandchild in child.children))
        for child in token.children)


def _fell(token: Token, lexicon: Lexicon) -> bool:
    """Whether "decline" tells of a fall, not a refusal: by an amount ("declined 0.3%",
    "declined by 2 per cent"), to a degree ("declined slightly"), or as a quality ("declining
    prices")."""
    if token.dep_ == "amod":
        return True
    for child in token.children:
        if child.dep_ in ("dobj", "npadvmod") and (child.like_num or any(g.like_num for g in child.children)):
            return True
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "to") and any(
                g.like_num or any(n.like_num for n in g.children) for g in child.children):
            return True
        if child.dep_ == "advmod" and child.lower_ in DEGREE:
            return True
    return False


def _won_contest(token: Token, lexicon: Lexicon) -> bool:
    """Whether "beat" tells of a vote, a race or a match won: by a margin ("by 10 points"), in
    an election ("in the primary"), with a score ("6-4"), or a named person, party or country
    over another in the active voice ("Trump narrowly beat Clinton", "Russia beat Croatia on
    Monday": a match), not "police beat three Palestinians", "Hamas gunmen beat a Fatah
    official", "locals beat up a thief", "she was beaten"."""
    if is_passive(token) or any(child.dep_ == "prt" for child in token.children):
        return False
    objects = [child for child in token.children if child.dep_ == "dobj"]
    for preposition in (*token.children, *(child for o in objects for child in o.children)):
        if preposition.dep_ != "prep" or preposition.lower_ not in ("by", "in"):
            continue
        for pobj in preposition.children:
            words = {pobj.lemma_.lower(), *(child.lemma_.lower() for child in pobj.children)}
            if preposition.lower_ == "by" and (words & MARGINS or pobj.like_num):
                return True
            if preposition.lower_ == "in" and (words & lexicon.word_lists["ballots"] or pobj.lemma_.lower() == "poll"):
                return True
    if _has_score(token.sent):
        return True  # "Guido Pella beating Nicolas Jarry 6-4, 6-3"
    subjects = [child for child in token.children if child.dep_ == "nsubj"]
    return any(s.ent_type_ in NAMED_PARTIES for s in subjects) and any(o.ent_type_ in NAMED_PARTIES for o in objects)


def _has_score(sentence: Span) -> bool:
    """Whether a sentence gives a score, a number, a hyphen and a number written together ("6-4", "3-0")."""
    return any(a.like_num and not a.whitespace_ and dash.text in ("-", "–") and not dash.whitespace_ and b.like_num
               for a, dash, b in zip(sentence, sentence[1:], sentence[2:]))


def _acknowledged(token: Token, lexicon: Lexicon) -> bool:
    """Whether "recognize" acknowledges rather than grants diplomatic recognition: what it
    recognises is no party (a named country, organisation or person) nor a polity's act or
    standing (recognition.txt: "the results of the referendums", "its independence"), or it is
    a clause ("recognized that Austrians were also perpetrators")."""
    if any(child.dep_ == "ccomp" for child in token.children):
        return True
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                child = token.head
            if child.ent_type_ in NAMED_PARTIES or child.lemma_.lower() in lexicon.word_lists["recognition"]:
                return False
    return True


def _received(token: Token, lexicon: Lexicon) -> bool:
    """Whether "meet" tells how something was received: "the decision was met with outrage",
    "has been met with opposition" (not "was met by the foreign minister")."""
    return is_passive(token) and any(child.dep_ == "prep" and child.lower_ == "with" for child in token.children)


def _shown(token: Token, lexicon: Lexicon) -> bool:
    """Whether "demonstrate" means show: it takes a clause ("notes demonstrate why the FBI saw
    no need", "all about demonstrating that ..."); protesters demonstrate with none
    ("demonstrated in Belgrade against the government")."""
    return any(child.dep_ == "ccomp" for child in token.children)


def _produced(token: Token, lexicon: Lexicon) -> bool:
    """Whether "yield" means produce: something yields an object ("the conversation yielded no
    progress", "might not yield the Taliban the benefits"), not ground, power or control
    given up, nor "yielded to pressure"."""
    objects = [child for child in token.children if child.dep_ in ("dobj", "dative")]
    return bool(objects) and not any(child.lemma_.lower() in YIELDED for child in objects) and not any(
        child.dep_ == "prep" and child.lower_ == "to" for child in token.children)


def _counsels(token: Token, lexicon: Lexicon) -> bool:
    """Whether "advise" tells of counsel or news, not a request: with no act asked for ("she
    advises President Htin Kyaw", "advises moderate rebel commanders on tactics", "the company
    advised that it expects a charge"); "advised those dissatisfied to follow the procedures"
    asks for one."""
    return not any(child.dep_ in ("xcomp", "oprd") for child in token.children)


# trigger lemmas -> the test that the verb is used in a sense that is no event
def _issued(token: Token, lexicon: Lexicon) -> bool:
    """Whether "release" issues something rather than frees someone (CAMEO 084 frees people
    or what was held): what it releases is no person (named, a pronoun, a number of them), no
    people (a sector term, the `people` list, captives, detainees) and no craft ("Apple
    released iOS 17", "release his tax returns", "released a white paper"; not "released
    him", "freed 20 of the prisoners", "released the tanker")."""
    patients = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    if any(child.lower_ in ("who", "whom") for child in patients):
        return False  # "those who are released"
    if token.dep_ in ("acl", "relcl") and all(child.tag_ in ("WP", "WDT") for child in patients):
        patients = [token.head]  # "the prisoners released on Friday", "a report that was released"
    if not patients:
        return False
    people = people_nouns() | lexicon.word_lists["people"] | lexicon.word_lists["captives"] | (
        lexicon.word_lists["detainees"] | lexicon.word_lists["craft"])
    return not any(_someone(word, people) for patient in patients for word in (patient, *patient.conjuncts))


def _someone(word: Token, people: frozenset[str], depth: int = 0) -> bool:
    """Whether a noun phrase's head names a person, people or a craft (see `_issued`); a
    count is followed into what it counts, at most MAX_PARTITIVE_DEPTH times."""
    if (word.pos_ in PARTITIVE_POS or word.lemma_.lower() in COUNTING_NOUNS) and depth < MAX_PARTITIVE_DEPTH:
        if counted := [pobj for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for pobj in prep.children if pobj.dep_ == "pobj"]:
            return any(_someone(pobj, people, depth + 1) for pobj in counted)  # "20 of the prisoners"
    if word.ent_type_ in ("PERSON", "NORP") or word.lemma_.lower() in COUNTING_NOUNS:
        return True
    if word.pos_ == "PRON":
        return word.lower_ not in IMPERSONAL
    if word.pos_ == "NUM":  # "freed 20", not "released iOS 17"
        return word.ent_type_ not in NAMED_THINGS and not any(child.pos_ == "PROPN" for child in word.children)
    if word.pos_ == "PROPN":
        return word.ent_type_ not in NAMED_THINGS
    return word.lemma_.lower() in people or word.lower_ in people


OTHER_SENSES = {"recognize": _acknowledged, "recognise": _acknowledged, "meet": _received, "ask": _asked,
                "request": _anonymous,
                "agree": _holds_view, "talk": _talks_alone, "decline": _declined, "refuse": _no_comment,
                "beat": _won_contest,
                "demonstrate": _shown, "yield": _produced, "advise": _counsels,
                "release": _issued, "free": _issued}


def _other_sense(token: Token, trigger: Trigger, lexicon: Lexicon) -> bool:
    """Whether a trigger verb is used here in a sense that is no event (`OTHER_SENSES`)."""
    check = OTHER_SENSES.get(trigger.lemma)
    return check is not None and token.pos_ == "VERB" and check(token, lexicon)


def _person_patient(token: Token, roles: frozenset[str]) -> bool:
    """Whether the act is done to a person: a named one, or one of `roles` ("a suspect"). A
    captured person is arrested where a captured town is fought for; a person welcomed or
    greeted is met, where a welcomed decision is praised."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "NOUN":
            child = next((pobj for pobj in child.children if pobj.dep_ == "pobj"), child)
        elif child.dep_ not in ("dobj", "nsubjpass"):
            continue
        if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
            child = token.head  # "Abdeslam, who was captured"
        counted = [pobj for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for pobj in prep.children if pobj.dep_ == "pobj"]  # "a number of other prisoners"
        named = [child, *(c for c in child.children if c.dep_ == "appos")]  # "Minister Adel al-Jubeir"
        if any(t.ent_type_ == "PERSON" for t in named) or child.lower_ in PERSONAL or any(
                t.lemma_.lower() in roles for t in (child, *counted)):
            return True
    return False


def _caused_by_mishap(token: Token, lexicon: Lexicon) -> bool:
    """ "A boat capsized, killing 170", "the earthquake killed ten", "an earthquake that killed
    ten", "the plane crashed into the sea, killing all 66", "killed in a helicopter crash", "a
    gas explosion killed two", "struck by a vehicle":
    deaths no one inflicted (a crash or a collapse that no one caused, not "an airstrike
    collapsed their house, killing ...")."""
    words = lexicon.word_lists["mishaps"]
    subjects = words | lexicon.word_lists["craft"]
    vehicles = lexicon.word_lists["vehicles"] | lexicon.word_lists["craft"]
    if _accidental_blast(token, lexicon):
        return True  # "a gas explosion at a noodle shop killed two"
    clause = token
    for _ in range(MAX_CLAUSE_CLIMB):
        if any(child.dep_ == "nsubj" and (child.lemma_.lower() in subjects or _accidental_blast(child, lexicon))
               for child in clause.children):
            return True
        if (clause.dep_ == "relcl" and any(child.dep_ == "nsubj" and child.tag_ in ("WDT", "WP")
                                           for child in clause.children)
                or clause.dep_ == "acl" and clause.tag_ == "VBD") and clause.head.lemma_.lower() in subjects:
            return True  # "an earthquake that killed ten", "an outbreak of plague killed a couple" (parsed on the noun)
        if any(child.dep_ in ("prep", "agent") and child.lower_ in ("in", "by") and any(
                pobj.dep_ == "pobj" and (pobj.lemma_.lower() in words or _accidental_blast(pobj, lexicon))
                for pobj in child.children) for child in clause.children):
            return True  # "were killed in a helicopter crash", "injured in the accident"
        if clause is not token and clause.pos_ == "VERB" and clause.lemma_.lower() in words and not any(
                child.dep_ == "dobj" for child in clause.children):
            return True
        if any(child.dep_ == "agent" and any(pobj.lemma_.lower() in vehicles and not any(
                owner.dep_ in ("compound", "poss") for owner in pobj.children) for pobj in child.children)
               for child in clause.children):
            return True  # "struck by a vehicle", "was hit by a car and killed"
        if clause is not token and _accidental_blast(clause, lexicon):
            return True  # "a gas cylinder exploded at a market, killing two"
        if clause.dep_ not in ("advcl", "xcomp", "conj") or clause.head is clause:
            return False
        clause = clause.head
    return False


def _accidental_blast(token: Token, lexicon: Lexicon) -> bool:
    """An explosion, blast or fire of something that blows up or burns by accident ("a gas
    explosion", "the boiler blast", "a gas cylinder exploded"): the `hazards` list."""
    if token.lemma_.lower() not in BLASTS:
        return False
    hazards = lexicon.word_lists["hazards"]
    modifiers = [child for child in token.children if child.dep_ in ("compound", "amod", "nmod", "nsubj")]
    modifiers += [grandchild for child in modifiers for grandchild in child.children if grandchild.dep_ == "compound"]
    modifiers += [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for pobj in prep.children if pobj.dep_ == "pobj"]
    return any(word.lemma_.lower() in hazards or word.lower_ in hazards for word in modifiers)


def _generic(token: Token) -> bool:
    """A bare plural event noun that qualifies a noun or an adjective speaks of such events in
    general, not of one that took place: "claim responsibility for attacks", "progress on
    preventing shootings" (not "hit by airstrikes", "attacks on the city", "the attacks")."""
    if token.tag_ != "NNS" or token.dep_ != "pobj" or token.head.head.pos_ not in ("NOUN", "ADJ"):
        return False
    return not any(child.dep_ in ("det", "poss", "nummod", "amod", "compound", "prep", "acl", "relcl")
                   for child in token.children)


def _habitual(token: Token) -> bool:
    """A present-tense verb of a relative clause on a name or on a bare plural tells what the
    named one, or that kind of one, does, not an act that took place: "the British Council,
    which provides placements to UK students", "Iran, which backs the Houthis", "countries
    that violate the rights of their citizens", "people who attack my wife" (not "the
    groups that support him", "two men who attack")."""
    if token.dep_ != "relcl" or token.tag_ not in ("VBZ", "VBP") or any(
            child.dep_ in ("aux", "auxpass", "neg") for child in token.children):
        return False
    head = token.head
    return head.ent_type_ == "ORG" or head.pos_ == "PROPN" or (
        head.tag_ == "NNS" and not any(child.dep_ in ("det", "poss", "nummod") for child in head.children))


def _characterised(noun: Token) -> bool:
    """A noun said of something is what it is taken for, not an act: "it is considered a threat
    to U.S. troops", "condemned the test as provocative and a grave threat", "his rivals are
    all potential threats"."""
    if noun.pos_ != "NOUN":
        return False
    while noun.dep_ == "conj" and noun.head is not noun and noun.head.pos_ in ("NOUN", "ADJ"):
        noun = noun.head
    head = noun.head
    if noun.dep_ in ("conj", "dobj") and head.pos_ == "VERB":
        # "condemned X as provocative and a threat", the noun parsed as the verb's own
        return head.lemma_.lower() in JUDGING and any(
            child.dep_ == "prep" and child.lower_ == "as" and child.i < noun.i for child in head.children)
    if noun.dep_ == "pobj" and head.lower_ == "as":
        return head.head.lemma_.lower() in JUDGING  # not "used the invasions as a threat"
    return (noun.dep_ == "attr" and head.lemma_ == "be") or noun.dep_ == "oprd"


def _threat_made(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a threat noun is a threat someone made, not a danger: one issued, made, sent
    or received ("received an anonymous threat against officers"), one against someone, or
    someone's threat to act ("Iran's threat to close the strait"); not "the perceived
    threat from Iran", "an unprecedented threat from the Islamic State group", "the threat
    of further attacks"."""
    if noun.pos_ != "NOUN":
        return True
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lexicon.word_lists["light_verbs"] | MADE_THREATS:
        return True
    if any(child.dep_ == "prep" and child.lower_ == "against" for child in noun.children):
        return True
    return any(child.dep_ == "poss" for child in noun.children) and any(
        child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" for child in noun.children)


def _felt(token: Token) -> bool:
    """A participle that says how someone feels or seems is a state, not an act: "police feel
    embattled and unjustly accused", "the minister seemed threatened"."""
    if token.tag_ != "VBN":
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in ("acomp", "xcomp", "oprd") and token.head.lemma_.lower() in SEEMING


def _own_act_warned(token: Token) -> bool:
    """A warning or threat that a clause states is a threat only when the clause is the
    speaker's own act to come ("Iran warned that it would retaliate"); a forecast is not
    ("activists warn that recruitment is likely to jump", "they warn it has proven hard")."""
    clauses = [child for child in token.children if child.dep_ == "ccomp"]
    if token.pos_ != "VERB" or not clauses:
        return True
    speakers = {child.lower_ for child in token.children if child.dep_ == "nsubj"}
    for clause in clauses:
        modal = any(child.dep_ == "aux" and child.tag_ == "MD" for child in clause.children)
        subjects = [child for child in clause.children if child.dep_ in ("nsubj", "nsubjpass")]
        own = any(s.pos_ == "PRON" and s.lower_ not in ("that", "which", "what", "this")
                  or s.lower_ in speakers for s in subjects)
        if modal and own:
            return True
    return False


def _spoken(token: Token) -> bool:
    """ "Bush attacked Rubio, saying ...": an attack in words, a criticism."""
    return token.pos_ == "VERB" and any(
        child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > token.i
        and child.lemma_.lower() in reporting_verbs() | {"call"} for child in token.children)


def _in_words(token: Token, sources: list[Actor], index: ActorIndex, article: Article, lexicon: Lexicon) -> bool:
    """ "Trump attacked Machado in early-morning tweets", "Bush's attacks on Rubio", "to attack
    and critique Donald Trump": an attack coordinated with words, on what only words can hit
    ("attacked his remarks", the `ideas` list), or one that coded persons
    (public figures: a country or a sector known) alone make on a person, with no weapon,
    dead or injured anywhere in the sentence, is a criticism ("Assad attacked the rebels",
    "attacked Aleppo", "Ahmed Khan attacked his neighbour" stay attacks)."""
    if any(conjunct.lemma_.lower() in CRITICIZING for conjunct in token.conjuncts):
        return True
    if any(patient.lemma_.lower() in lexicon.word_lists["ideas"] for patient in _patients(token)):
        return True  # "attacked the hateful ideology of radical Islam", "assailed the remarks"
    if not sources or not all(actor.kind == "person" and actor.text[:1].isupper() and actor.code for actor in sources):
        return False
    patients = _patients(token)
    patients += [other for patient in patients for other in (*patient.conjuncts, *(
        child for child in patient.children if child.dep_ == "appos"))]
    weapons = lexicon.word_lists["weapons"]
    places = [(place.evidence.start, place.evidence.end) for place in article.places]
    return any(_personal(patient, index, places) for patient in patients) and not names_harm(token.sent) and not any(
        word.lemma_.lower() in weapons for word in token.sent)


def _patients(token: Token) -> list[Token]:
    """What an attack is done to: the verb's object ("attacked Clinton") or the noun's "on" or
    "against" object ("Bush's attacks on Rubio")."""
    if token.pos_ == "VERB":
        return [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    return [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("on", "against")
            for pobj in prep.children if pobj.dep_ == "pobj"]


def _personal(token: Token, index: ActorIndex, places: list[tuple[int, int]]) -> bool:
    """A person or a people ("Clinton", "Latinos", "him"), not a place the article resolved
    ("Homs" tagged PERSON)."""
    if any(start <= token.idx < end for start, end in places):
        return False
    return token.ent_type_ == "PERSON" or token.lower_ in PERSONAL or any(
        actor.kind == "person" for actor in index.overlapping(token.idx, token.idx + len(token)))


def _figurative(token: Token, lexicon: Lexicon) -> bool:
    """ "personal attacks", "a verbal assault", "struck down the law", "seized on his claim":
    violence in words only; "backing away from his themes": no support; "a heart attack":
    none at all."""
    words = lexicon.word_lists["figurative"]
    return any(
        (child.dep_ in ("amod", "compound") and child.i < token.i and child.lower_ in words)
        or (child.dep_ in ("prt", "advmod") and f"{token.lemma_.lower()} {child.lower_}" in words)
        or (child.dep_ == "prep" and f"{token.lemma_.lower()} {child.lower_}" in words and _takes_no_object(token)
            and not any(pobj.ent_type_ in ("DATE", "TIME") for pobj in child.children))
        for child in token.children
    )


def _takes_no_object(token: Token) -> bool:
    """Whether a verb has no direct object ("seized on his claim", not "seized on Monday the town")."""
    return not any(child.dep_ == "dobj" for child in token.children)


def _demand(modal: Token, article: Article, lexicon: Lexicon, index: ActorIndex) -> list[Event]:
    """Code "X said Y must do Z" as X's demand (REQUEST) on Y."""
    return _reported(modal, lexicon.code(DEMAND_CAMEO), f"{modal.text} {modal.head.text}", article, index)


def _blame(adjective: Token, article: Article, lexicon: Lexicon, index: ActorIndex) -> list[Event]:
    """Code "X said Y was responsible for the deaths" as X's accusation (ACCUSE) of Y: the
    harm is an attack, a crime or deaths (not "responsible for security")."""
    harms = [pobj for prep in adjective.children if prep.dep_ == "prep" and prep.lower_ == "for"
             for pobj in prep.children if pobj.dep_ == "pobj" and _harm(pobj, lexicon)]
    if not harms:
        return []
    return _reported(adjective, lexicon.code(ACCUSE_CAMEO), f"responsible for {harms[0].text}", article, index)


def _reported(cue: Token, trigger: Trigger, text: str, article: Article, index: ActorIndex) -> list[Event]:
    """The event a reporter states of someone ("X said Y must ...", "X said Y was responsible
    ..."): the cue's clause is what a reporting verb says, its speaker the source and the
    clause's subject the target; none without both."""
    verb = cue.head
    reporter = verb.head
    if verb.dep_ != "ccomp" or reporter.lemma_.lower() not in reporting_verbs():
        return []
    sources, _ = find_arguments(reporter, index)
    targets = [a for child in verb.children if child.dep_ in ("nsubj", "nsubjpass") for a in _named_by(child, index)]
    targets = _others(targets, sources)  # "Trump claims that he should be the exception": no demand on another
    if not sources or not targets:
        return []
    evidence = _evidence(cue, article)
    return [Event(
        type=trigger.plover, mode=trigger.mode, context=trigger.context, cameo=trigger.cameo,
        goldstein=trigger.goldstein, sources=tuple(sources), targets=tuple(targets),
        trigger=text, modality=modality_of(reporter), evidence=evidence, mentions=(evidence,),
    )]


def _named_by(subject: Token, index: ActorIndex) -> list[Actor]:
    """The actors a subject names by its head words or before them, not one its modifiers
    mention after ("the house's future use by the police should send a signal" demands
    nothing of the police)."""
    last = max(token.idx for token in (subject, *subject.conjuncts))
    return [actor for actor in actors_of(subject, index) if actor.evidence.start <= last]


def _harm(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names a harm done: deaths, a crime, or an attack or arrest the lexicon knows."""
    if not lexicon.word_lists["harms"].isdisjoint(lemmas(noun)):
        return True
    return any(trigger.plover in ("ASSAULT", "COERCE") for lemma in lemmas(noun)
               for trigger in lexicon.candidates(lemma, "NOUN"))


def _not_trigger(actors: list[Actor], token: Token) -> list[Actor]:
    """Drop an actor mention that is the trigger itself ("the shooting" as its own attacker),
    unless a modifier before the trigger gives it a country ("Israeli airstrikes"); a
    participle that qualifies the actor's noun says what befell it ("a detained woman")."""
    return [a for a in actors if not a.evidence.start <= token.idx < a.evidence.end
            or (a.country and _named_before(a, token)) or (token.dep_ == "amod" and token.nbor(-1).text != "-")]


def _named_before(actor: Actor, token: Token) -> bool:
    """Whether the actor's words before the trigger name someone ("Israeli airstrikes",
    "Saudi-led raids"), not only describe the act ("the shooting", "a roadside bombing")."""
    return any(t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper() for t in token.doc[token.sent.start : token.i]
               if t.idx >= actor.evidence.start)


def _civilian_violence(event: Event, lexicon: Lexicon) -> bool:
    """Whether groups of civilians commit the act (or, with no source named, take part) and no
    armed actor does: "villagers clashed", not "a man attacked officers" nor "three people
    attacked a police station" (a handful counted one by one is no crowd)."""
    sectors = {actor.sector for actor in event.sources or event.targets if actor.kind != "person"}
    if any(_handful(actor, lexicon) for actor in event.sources):
        return False
    if not event.sources:
        return "CVL" in sectors
    return "CVL" in sectors and not sectors & ARMED_SECTORS


def _handful(actor: Actor, lexicon: Lexicon) -> bool:
    """Whether the actor is a few people the text counts ("three people", "2 men"; not "two
    mobs", which are groups)."""
    words = actor.name.lower().split()  # a pronoun's name is its antecedent's: "they" for "three people"
    if len(words) < 2:
        return False
    if _singular(words[-1]) in lexicon.word_lists["collectives"]:
        return False
    count = parse_number(words[:1])
    return count is not None and 1 < count <= HANDFUL


def _attack_means(actor: Actor) -> bool:
    """Whether the actor is the unidentified force a bomb or a blast stands for."""
    return actor.sector == "UAF" and actor.evidence.coder == ARGUMENTS_CODER


def _not_own_forces(targets: list[Actor], sources: list[Actor]) -> list[Actor]:
    """A deployment, a withdrawal or an offer of the source's own forces ("the US withdrew its
    troops from Syria", "Syria offered its troops to Lebanon"): they are not its target, the
    place they move to or from, or the one offered them, is."""
    countries = {actor.country for actor in sources if actor.country}
    return [actor for actor in targets if not (actor.country in countries and actor.sector in FORCES_SECTORS)]


def _partnered(sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether a phone call has two coded parties: the one called (a person, a group or a
    government, not a country it is made from or a site it is made at), or two callers."""
    called = [actor for actor in targets if actor.code and actor.kind != "state"]
    return bool(called) or len([actor for actor in sources if actor.code]) > 1


def _private(actors: list[Actor]) -> bool:
    """Whether every actor is coded as a private party (civilians or a business, no state
    role): what they do together is no political event. An actor nothing codes may be anyone."""
    return bool(actors) and all(actor.kind != "state" and actor.sector in PRIVATE_SECTORS for actor in actors)


def _meets_no_one(verb: Token, index: ActorIndex) -> bool:
    """Whether "meet" takes an object that is no one: a bar, a need, a requirement, a death
    (not "met reporters", "met Kerry")."""
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    return verb.pos_ == "VERB" and bool(objects) and not any(
        child.tag_ == "PRP" or index.within(child.left_edge.idx, child.idx + len(child))
        or index.overlapping(child.idx, child.idx + len(child)) for child in objects)


def _unofficial(actors: list[Actor]) -> bool:
    """Whether no actor is a state or holds an office or a role: bare persons, civilians,
    businesses (a tourist's visit is no state visit)."""
    return all(actor.kind != "state" and (actor.sector is None or actor.sector in PRIVATE_SECTORS) for actor in actors)


def _done_by(event: Event, sectors: set[str]) -> bool:
    """Whether the act's sources are all of these sectors ("riot police")."""
    named = {actor.sector for actor in event.sources}
    return bool(named) and named <= sectors


def _crowd(event: Event, lexicon: Lexicon) -> bool:
    """Whether a source is a crowd of protesters ("hundreds of protesters demanded ...")."""
    words = lexicon.word_lists["crowds"]
    return any(_singular(actor.text.lower().split()[-1]) in words for actor in event.sources if actor.text)


def _singular(noun: str) -> str:
    """A plural noun's singular, as the word lists hold it ("militias" -> "militia", "mobs" -> "mob")."""
    return noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")


def _recode(event: Event, trigger: Trigger, modality: str) -> Event:
    return dataclasses.replace(
        event, type=trigger.plover, mode=trigger.mode, context=trigger.context, cameo=trigger.cameo,
        goldstein=trigger.goldstein, modality=modality, quantities=(),
    )


def _evidence(token: Token, article: Article, trigger: Trigger | None = None) -> Evidence:
    word = _trigger_word(token, trigger)
    return Evidence(article.sentence_at(word.start_char), word.start_char, word.end_char, CODER, VERSION)


def _trigger_word(token: Token, trigger: Trigger | None) -> Span:
    """The trigger word: from its first part when the tokenizer split it ("shoot-out")."""
    split = trigger is not None and "-" in trigger.lemma and token.i >= 2 and token.nbor(-1).text == "-"
    return token.doc[token.i - 2 if split else token.i : token.i + 1]


def _is_background(token: Token) -> bool:
    """An event mentioned as background: "after the clashes", "for the bombing", "after
    speaking by phone" (a gerund after "after", "following" or "since" took place first)."""
    if token.tag_ == "VBG" and token.dep_ == "pcomp":
        return token.head.lower_ in PRIOR_PREPOSITIONS
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj":
        return False
    return token.head.lower_ in BACKGROUND_PREPOSITIONS


def _still_ahead(token: Token) -> bool:
    """An event noun that a present or future clause is "before", "ahead of" or "prior to"
    lies ahead: "security is tight before Sunday's talks", "leaders will meet before the
    summit", "troops are massing ahead of the offensive" (not "arrested him before the protest")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lower_ == "before":
        verb = preposition.head
    elif preposition.lower_ in ("of", "to") and preposition.head.lower_ in ("ahead", "prior"):
        verb = preposition.head.head
    else:
        return False
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.lower_ in ("will", "shall", "'ll") for aux in auxiliaries):
        return True
    tags = [aux.tag_ for aux in auxiliaries] or [verb.tag_]
    return tags[0] in ("VBZ", "VBP")


def _compound_head(token: Token, lexicon: Lexicon) -> Token | None:
    """The head that carries a compounded event noun ("mediation effort"), if any."""
    if token.dep_ == "compound" and token.head.lemma_.lower() in lexicon.word_lists["event_heads"]:
        return token.head
    return None


def _has_word(token: Token, word: str) -> bool:
    """Whether `word` governs the trigger ("open fire", "exchange of fire") or hangs on it ("call for");
    "+for": the noun takes that preposition ("a call for calm", not "on strike")."""
    if word.startswith("+"):  # "a call for calm", "a call for Trump to resign"
        return any(child.dep_ == "prep" and child.lower_ == word[1:] or opened_by(child, word[1:], ("acl", "advcl"))
                   for child in token.children)
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token.head
    # a noun's own preposition after it says what it is done to ("a strike on a convoy"),
    # never the word that makes it this event ("went on strike")
    hanging = ("prt", "advmod", "compound", "amod") if token.pos_ in ("NOUN", "PROPN") else (
        "prt", "prep", "advmod", "compound", "amod")
    return head.lemma_.lower() == word or any(
        child.lower_ == word and child.dep_ in hanging and not _of_time(child)
        or opened_by(child, word, ("advcl", "ccomp", "xcomp"))
        for child in token.children
    )  # the last: "called for Uganda to withdraw"


def _of_time(preposition: Token) -> bool:
    """Whether a preposition only dates the act: "called the centre on Thursday", "had called
    in sick for three days" (not "called on Iran", "called for calm")."""
    objects = [child for child in preposition.children if child.dep_ == "pobj"]
    return bool(objects) and all(child.ent_type_ in ("DATE", "TIME") for child in objects)


def _has_object(token: Token, words: frozenset[str]) -> bool:
    for child in token.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "prep", "attr", "oprd", "xcomp", "advcl") or (
                child.dep_ in ("compound", "amod", "poss") and child.i < token.i):
            if child.lemma_.lower() in words or child.lower_ in words or any(
                    g.lemma_.lower() in words for g in (*child.children, *_partitive(child))):
                return True
    return token.dep_ == "acl" and token.head.lemma_.lower() in words


def _partitive(token: Token) -> list[Token]:
    """What a quantity is part of: "footage" in "released only some of the video footage",
    "prisoners" in "freed 20 of the prisoners"."""
    if token.pos_ not in PARTITIVE_POS:
        return []
    return [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children if pobj.dep_ == "pobj"]


def _trigger_text(token: Token, trigger: Trigger) -> str:
    if not trigger.with_word or trigger.with_word.startswith("+"):
        return _trigger_word(token, trigger).text
    words = [token] + [t for t in (token.head, *token.children) if t.lower_ == trigger.with_word
                       or t.lemma_.lower() == trigger.with_word][:1]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))
