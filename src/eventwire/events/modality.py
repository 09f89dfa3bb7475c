"""Modality of an event: asserted, reported, negated, future, intended, hypothetical, threatened."""

from __future__ import annotations

import csv
from functools import cache

from spacy.tokens import Token

from eventwire.events.lexicon import DATA, word_list

# A relative clause ("where he was arrested") states its own facts: it does not take the
# modality of the clause its noun stands in ("questioned why they did not charge him").
CLAUSE_LINKS = {"xcomp", "ccomp", "advcl", "conj", "pcomp", "prep", "pobj", "dobj", "acl", "nsubjpass"}
# A present-tense verb after these markers speaks of a time to come: "once Israel signs a deal".
TEMPORAL_MARKERS = {"once", "when", "until", "till", "after", "before", "as soon as"}
PRESENT = {"VBZ", "VBP"}
# An event noun with these determiners is any such event, not one that took place.
ANY = {"any", "every", "whatever"}
# modifiers of an event noun that put it ahead ("a planned strike", "the scheduled meeting") or
# leave it possible ("potential retaliation", "a possible attack")
PROSPECTIVE = {"planned", "proposed", "scheduled", "upcoming", "impending", "forthcoming", "prospective"}
POSSIBLE = {"possible", "potential", "would-be"}
# An event noun these govern is a goal, not yet reached.
GOAL_PREPOSITIONS = {"toward", "towards"}
# An event noun that is the "of" object of these may come, it has not ("the threat of attacks").
POSSIBILITIES = {"threat", "risk", "fear", "possibility", "danger", "prospect", "likelihood", "spectre", "specter"}
# Outer modalities that override a future: "there is no chance he will step down".
OVERRIDING = {"negated", "hypothetical"}
DEFINITE = {"the", "this", "that", "these", "those"}
# what a clause is about: a definite event noun after these is one that took place
TOPIC_PREPOSITIONS = {"about", "on", "over", "regarding", "concerning"}
# A to-infinitive linked to its head so is a goal or purpose ("traveled to Syria to fight",
# "efforts to crack down", "the idea was to demolish"), unless the head is implicative.
INFINITIVE_LINKS = {"xcomp", "advcl", "acl", "relcl"}
# "the latest country to withdraw its ambassador": an infinitive after a superlative or an
# ordinal tells what the noun did.
RANKING = {"first", "last", "latest", "only", "second", "third", "next"}
# "not just", "not only": additive focus, not negation.
ADDITIVE = {"just", "only", "merely", "simply", "solely"}
MAX_CLIMB = 4
SUBJECT_LINKS = {"nsubj", "nsubjpass"}


@cache
def load_cues() -> dict[tuple[str, str], str]:
    """Return {(lemma, kind): modality} from the modality cue table."""
    lines = [line for line in (DATA / "modality.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return {(row["lemma"], row["kind"]): row["modality"] for row in csv.DictReader(lines, delimiter="\t")}


@cache
def reporting_verbs() -> frozenset[str]:
    """Return the lemmas of reporting verbs ("say", "announce") from the cue table."""
    return frozenset(lemma for (lemma, kind), modality in load_cues().items()
                     if kind == "governor" and modality == "reported")


def modality_of(trigger: Token) -> str:
    """Return the modality of the event whose trigger is `trigger`.

    The trigger's own clause decides first (negation, modal auxiliary, "if"); then each
    governing word up the tree ("threatened to strike", "refused to meet", "said that").
    """
    cues = load_cues()
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB" \
            and trigger.head.lemma_.lower() in word_list("occurrence_verbs"):
        return modality_of(trigger.head)  # "protests will continue next week", "clashes could erupt"
    if trigger.dep_ == "pobj" and trigger.head.lower_ in GOAL_PREPOSITIONS:
        return "hypothetical"  # "steps toward a ceasefire", "pushing Israel towards concessions"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in POSSIBILITIES:
        return "hypothetical"  # "the threat of further attacks by Islamic State", "fear of violence"
    own = _clause_modality(trigger, cues)
    if own == "hypothetical" and _reported_would(trigger):
        return "future"  # "they said they would meet": future in reported speech
    if own == "future":
        outer = _governing_modality(trigger, cues)
        return outer if outer in OVERRIDING else own
    if own:
        return own
    if _presupposed(trigger):
        return "asserted"
    return _governing_modality(trigger, cues) or "asserted"


def _governing_modality(trigger: Token, cues: dict[tuple[str, str], str]) -> str | None:
    """Modality from the words that govern the trigger's clause, climbing the tree.

    Negations compose: what is stopped or foiled did not happen, what someone failed to
    stop or did not prevent did ("failing to stop the attack on Farkhunda")."""
    reported = False
    negations = 0
    child, head = trigger, trigger.head
    for _ in range(MAX_CLIMB):
        if head is child or child.dep_ not in CLAUSE_LINKS or _relative(child):
            break
        if child.dep_ in SUBJECT_LINKS and child.i != trigger.i and any(
                t.dep_ == "acl" and (t.i == trigger.i or t.is_ancestor(trigger)) for t in child.children):
            break  # "those detained Monday are suspected of ...": the verb says what they are, not how they came to be
        if head.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            # a conjunct shares its head's clause ("did not arrest or charge them"), not what
            # the head governs: "were threatened, arrested and prosecuted" is three acts
            governed = None if child.dep_ == "conj" else (cues.get((head.lemma_.lower(), "governor"))
                                                          or _hedged(child, head, cues))
            clause = None if _own_tense(child) else _clause_modality(head, cues)
            if not governed and clause is None and _purpose(child, head) and not _definite(trigger):
                clause = "intended"
            for found in (governed, clause):
                if found == "reported":
                    reported = True
                elif found == "negated":
                    negations += 1
                elif found:
                    return "negated" if negations % 2 else found
        child, head = head, head.head
    if negations % 2:
        return "negated"
    if reported or _has_according_to(trigger):
        return "reported"
    return None


def _own_tense(conjunct: Token) -> bool:
    """Whether a conjunct verb states its own tense, so does not share its head's auxiliary:
    "will deplore that decision and *were* repelled when a man was set on fire" (not "will
    arrest and charge them")."""
    if conjunct.dep_ != "conj" or conjunct.pos_ not in ("VERB", "AUX"):
        return False
    return conjunct.tag_ == "VBD" or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ == "VBD" for child in conjunct.children)


def _clause_modality(token: Token, cues: dict[tuple[str, str], str]) -> str | None:
    """Modality from the token's own clause: negation first, then auxiliaries and markers."""
    if any(_negation(child) for child in token.children):
        return "negated"
    if any(child.dep_ == "det" and child.lower_ in ANY for child in _noun_of(token).children):
        return "hypothetical"  # "any attack would be met with force", "any deal struck with Iran"
    if ahead := prospective(token):
        return ahead
    for child in token.children:
        word = child.lower_
        if child.dep_ in ("aux", "auxpass") and (word, "auxiliary") in cues:
            return cues[(word, "auxiliary")]
        if child.dep_ == "aux" and child.lemma_ == "go" and any(c.lower_ == "to" for c in token.children):
            return "future"
        if child.dep_ == "mark" and (word, "marker") in cues:
            return cues[(word, "marker")]
        if child.dep_ in ("mark", "advmod") and word in TEMPORAL_MARKERS and token.tag_ in PRESENT:
            return "future"
    return None


def prospective(token: Token) -> str | None:
    """The modality an event noun's own modifiers give it: "future" for one still ahead ("a
    planned strike", "the scheduled meeting"), "hypothetical" for one only possible
    ("potential retaliation", "a possible attack"); None otherwise."""
    if token.pos_ != "NOUN":
        return None
    modifiers = {child.lower_ for child in token.children if child.dep_ in ("amod", "compound") and child.i < token.i}
    if modifiers & PROSPECTIVE:
        return "future"
    if modifiers & POSSIBLE:
        return "hypothetical"
    return None


def _negation(child: Token) -> bool:
    """Whether a child negates its head: "not", "never", "no" (not "not just the U.S.", "not
    only in Aleppo": a focus that adds, not one that denies)."""
    if child.dep_ == "det":
        return child.lower_ == "no"
    if child.dep_ != "neg":
        return False
    following = child.nbor(1) if child.i + 1 < len(child.doc) else None
    return following is None or following.lower_ not in ADDITIVE


def _presupposed(noun: Token) -> bool:
    """A definite event noun that a verb of comment takes as object took place, whatever that
    verb's modality: "declined to condemn the airstrikes", "would not discuss Tuesday's attack"
    (not so for "postpone the demonstration", "oppose the deployment"); so does one that
    qualifies another noun ("vowed revenge for Soleimani's assassination"), and one a verb
    speaks about ("was not consulted about the strike")."""
    if not _definite(noun):
        return False
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" and noun.head.head.dep_ != "ROOT":
        return True  # "vowed revenge for Soleimani's killing", "protests over the arrest"
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB":
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPOSITIONS:
        return True  # "was not consulted about the strike", "would not comment on the attack"
    return verb.lemma_.lower() in word_list("presupposing")


def _hedged(clause: Token, head: Token, cues: dict[tuple[str, str], str]) -> str | None:
    """The modality a passive hedge gives its to-infinitive: "the Houthis, believed to be
    supported by Iran", "three men are thought to have fled"."""
    if clause.dep_ != "xcomp" or head.tag_ != "VBN":
        return None
    return cues.get((head.lemma_.lower(), "passive"))


def _purpose(clause: Token, head: Token) -> bool:
    """Whether `clause` is a to-infinitive that states a goal or purpose of `head`, not a fact:
    "traveled to Syria to fight", "efforts to crack down" (not "continued to arrest protesters",
    "the first country to recognise it")."""
    if clause.dep_ not in INFINITIVE_LINKS or clause.tag_ != "VB":
        return False
    if not any(child.dep_ == "aux" and child.tag_ == "TO" for child in clause.children):
        return False
    if head.pos_ == "ADJ" or head.lemma_.lower() in word_list("implicative"):
        return False  # "willing to forgive": a stance the cue table decides
    return not (head.pos_ == "NOUN" and any(child.lower_ in RANKING or child.tag_ == "JJS"
                                            for child in head.children))


def _definite(noun: Token) -> bool:
    """Whether a noun trigger is definite ("quell the protest"): its event is presupposed."""
    return noun.pos_ == "NOUN" and any(child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in DEFINITE)
                                       for child in noun.children)


def _noun_of(token: Token) -> Token:
    """The token, or the noun a participle trigger describes ("any deal *struck* with Iran")."""
    return token.head if token.dep_ == "acl" and token.tag_ == "VBN" else token


def _relative(clause: Token) -> bool:
    """A clause that tells of a place or time by "where"/"whereby" ("in Kampala where he was
    arrested") is a relative clause the parser attached as an adverbial one."""
    return clause.dep_ == "advcl" and any(child.dep_ == "advmod" and child.lower_ in ("where", "whereby")
                                          for child in clause.children)


def is_conditional(token: Token) -> bool:
    """Whether the token's clause has an "unless"/"if" condition attached ("... unless X")."""
    return any(
        child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in child.children)
        for child in token.children
    )


def _reported_would(token: Token) -> bool:
    would = any(child.lower_ in ("would", "'d") and child.dep_ == "aux" for child in token.children)
    return would and token.dep_ == "ccomp" and token.head.lemma_.lower() in reporting_verbs()


def _has_according_to(token: Token) -> bool:
    sentence = token.sent
    return any(t.lower_ == "according" and t.nbor(1).lower_ == "to" for t in sentence[:-1])
