"""Source and target of a trigger from the dependency parse, as actor mentions."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from eventwire.actors.knowledge import ADJECTIVE, CAPITAL, COUNTRY, PLURAL, load_knowledge_base, unattributed_means
from eventwire.events.lexicon import lemmas, word_list
from eventwire.events.modality import load_cues
from eventwire.model import Actor, Evidence
from eventwire.nlp.parse import sentence_spans
from eventwire.spans import SpanIndex

PASSIVE_CLAUSE_LINKS = {"pcomp", "advcl"}
SUBJECT_LINKS = {"xcomp", "conj", "advcl", "pcomp", "prep", "acl", "dobj", "pobj", "ccomp", "acomp"}
TARGET_PREPOSITIONS = {"against", "on", "at", "with", "to", "toward", "towards", "into", "from", "upon", "over", "of", "for"}
NOUN_TARGET_PREPOSITIONS = {"against", "on", "with", "to", "toward", "towards", "into", "of", "upon", "over"}
# where an event happens, the target when nothing else is: "demonstrated in Serbia", "sent troops to Bosnia"
PLACE_PREPOSITIONS = {"in", "to", "into", "from", "inside", "outside", "at", "on", "across", "throughout", "within",
                      "near"}
# a phrase's locative modifiers name where, not whom: "blocked streets in Hong Kong"
LOCATIVE_PREPOSITIONS = {"in", "near", "at", "inside", "outside", "around", "across", "throughout", "within", "along"}
CONDITION_MARKERS = {"unless", "if", "until"}
STANCE_PREPOSITIONS = {"in", "despite"}
PRONOUNS = {"PRP", "WP", "WDT", "DT", "EX"}
OWNER_ENTITIES = {"NORP", "GPE", "ORG"}  # "Turkish efforts", "U.S. plans", "NATO's bid"
CODER = "events.arguments.v1"  # actors the arguments stand in for: places, unnamed attackers
PLACE_KINDS = {COUNTRY, CAPITAL}
NATION_KINDS = {COUNTRY, ADJECTIVE, PLURAL}
# the dependents of a verb that hold what its event is done with ("carried anti-Saudi placards")
OBJECT_DEPENDENTS = {"dobj", "dative", "attr", "oprd", "ccomp", "xcomp", "aux", "auxpass", "nsubjpass", "relcl"}
OBJECT_LINKS = {"dobj", "attr", "prep", "pobj", "npadvmod"}
MAX_CLIMB = 4
PARTICIPANT_PREPOSITIONS = {"between", "with", "among", "against"}
# a meeting the clause's subject came for or spoke after: "arrived for talks", "said after the summit"
ATTENDED_PREPOSITIONS = {"for", "after", "following"}
MAX_PLACE_DEPTH = 2
SENTENCE_STARTS = "eventwire.sentence_starts"  # doc.user_data key


ActorIndex = SpanIndex[Actor]  # the article's actor mentions, by span (`spans.actor_index`)


def actors_of(head: Token, index: ActorIndex) -> list[Actor]:
    """Return the actors a noun phrase headed by `head` names (conjuncts included).

    The head's own mention first ("Iranian parliament"), then its pre-modifiers
    ("Hungarian and Romanian officials"), appositions ("Zarif, the head of Iranian
    diplomacy"), and last the nearest actor anywhere in its subtree ("bases sheltering
    American soldiers").
    """
    found: list[Actor] = []
    for token in (head, *head.conjuncts):
        found.extend(_phrase_actors(token, index))
    return _unique(found)


def _phrase_actors(token: Token, index: ActorIndex) -> list[Actor]:
    own = index.overlapping(token.idx, token.idx + len(token))
    if own:
        return own
    left = token.left_edge.idx
    premodifiers = index.within(left, token.idx + len(token))
    if premodifiers:
        return premodifiers
    # a name the recogniser missed ("Besigye, runner-up ... to Yoweri Museveni") is not
    # the person its modifiers name
    others = token.pos_ == "PROPN"
    for child in token.children:
        if child.dep_ == "appos":
            appositive = [a for a in index.within(child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
                          if not (others and a.kind == "person"
                                  and not a.evidence.start <= child.idx < a.evidence.end)]
            if appositive:
                return _with_conjuncts(appositive[0], token, index)
    places = [(p.idx, p.right_edge.idx + len(p.right_edge)) for p in token.subtree
              if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPOSITIONS]
    subtree = [a for a in index.within(left, token.right_edge.idx + len(token.right_edge))
               if not any(start <= a.evidence.start < end for start, end in places)
               and not (others and a.kind == "person")]
    subtree = _coded_first(subtree)
    return _with_conjuncts(subtree[0], token, index) if subtree else []


def _with_conjuncts(actor: Actor, token: Token, index: ActorIndex) -> list[Actor]:
    """The actor and the actors conjoined with it ("aid for Romania and Poland")."""
    span = token.doc.char_span(actor.evidence.start, actor.evidence.end, alignment_mode="expand")
    if span is None:
        return [actor]
    found = [actor]
    for conjunct in span.root.conjuncts:
        found += index.overlapping(conjunct.idx, conjunct.idx + len(conjunct))
    root = span.root
    after = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if root.dep_ == "pobj" and root.head.lower_ == "from" and after is not None and after.lower_ == "to":
        # a route names both ends: "from France to Germany"
        found += [a for pobj in after.children if pobj.dep_ == "pobj"
                  for a in index.overlapping(pobj.idx, pobj.idx + len(pobj))]
    return _unique(found)


def find_arguments(trigger: Token, index: ActorIndex, *, places: bool = True) -> tuple[list[Actor], list[Actor]]:
    """Return (sources, targets) of the event `trigger` signals.

    Without a coded target, the place the event happens in stands for it, as PLOVER codes
    it ("demonstrated in Serbia": SRB; "set up a centre in Tokyo": JPN), unless `places` is
    False (the place of a phone call is not the one called). Without a source, a bomb or
    blast that carried the attack out stands for an unidentified armed force (UAF).
    """
    if trigger.pos_ == "NOUN" and not _governs_subject(trigger):
        sources, targets = _noun_arguments(trigger, index)
    else:
        sources, targets = _verb_arguments(trigger, index)
    if not sources:
        sources = _unattributed(trigger)
    if places and not any(_coded(actor) for actor in targets):
        opposed = [actor for actor in _opposed_countries(trigger) if actor.country not in _countries(sources)]
        places = [actor for actor in _place_targets(trigger, index) if actor not in sources]
        if opposed or places:
            targets = opposed or places
    return sources, targets


def _governs_subject(noun: Token) -> bool:
    """Whether a word tagged as a noun has a subject, so is a verb the tagger misread:
    "Rabbani, right, talks with Aziz"."""
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in noun.children)


def _countries(actors: list[Actor]) -> set[str]:
    return {actor.country for actor in actors if actor.country}


def _opposed_countries(trigger: Token) -> list[Actor]:
    """The country an "anti-" modifier names in the event's own words: "an anti-American
    protest", "chanted anti-Saudi slogans", "carried anti-Israel banners in a rally"."""
    doc = trigger.doc
    found: list[Actor] = []
    for token in _own_words(trigger):
        if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "anti":
            found += _known_countries(doc[token.i : token.i + 1], NATION_KINDS)
    return _unique(found)


def _own_words(trigger: Token) -> list[Token]:
    """The words of the event's phrase: a noun's own subtree and, when it is what a verb does
    or where ("carried placards in a rally"), the verb's objects; a verb's objects."""
    verb = trigger
    words: list[Token] = []
    if trigger.pos_ == "NOUN":
        words += trigger.subtree
        verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" else trigger.head
        if trigger.dep_ not in ("dobj", "pobj", "nsubjpass") or verb.pos_ != "VERB":
            return words
    for child in verb.children:
        if child.dep_ in OBJECT_LINKS and child.i != trigger.i and not child.is_ancestor(trigger):
            words += child.subtree
    return words


def _verb_arguments(verb: Token, index: ActorIndex, prepositions: frozenset[str] = frozenset(TARGET_PREPOSITIONS),
                    ) -> tuple[list[Actor], list[Actor]]:
    sources: list[Actor] = []
    targets: list[Actor] = []
    # "civilians killed by airstrikes", "a detained woman", "the jailed opposition leader"
    reduced = verb.tag_ == "VBN" and (verb.dep_ == "acl" or verb.dep_ == "amod" and not _hyphenated(verb))
    shared = _shared_passive(verb)  # "were arrested and charged"
    bare = _bare_passive(verb)  # "Three soldiers killed in Kabul blast"
    complement = _passive_complement(verb)  # "was found shot dead"
    passive = is_passive(verb) or reduced or bare or shared is not None or complement is not None
    stance = (passive and verb.lower_ in word_list("stance_participles")
              and not any(c.dep_ == "agent" for c in verb.children))
    if reduced or _relative_object(verb):
        # the noun undergoes the act: "civilians killed by airstrikes", "the journalist whom police detained"
        targets += _outside(actors_of(verb.head, index), verb)
    if complement is not None:
        targets += [a for child in complement.children if child.dep_ == "nsubjpass"
                    for a in _subject_actors(child, complement, index)]
    if shared is not None:
        for child in shared.children:
            if child.dep_ == "nsubjpass":
                targets += _subject_actors(child, shared, index)
            elif child.dep_ == "agent" and not any(c.dep_ == "agent" for c in verb.children):
                sources += [a for pobj in child.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
    for child in _argument_children(verb):
        if child.dep_ == "nsubj" and bare:
            targets += _subject_actors(child, verb, index)
        elif child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and stance):
            sources += _subject_actors(child, verb, index)
        elif child.dep_ == "nsubjpass":
            targets += _subject_actors(child, verb, index)
        elif child.dep_ == "agent":
            sources += [a for pobj in child.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
        elif child.dep_ in ("dobj", "dative", "attr", "oprd"):
            targets += actors_of(child, index)
        elif child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [a for pobj in _prepositional_objects(child) for a in actors_of(pobj, index)]
            if child.lower_ == "from" and passive and not stance:
                sources += objects
            elif child.lower_ != "for" or not targets:
                targets += objects
    if stance:
        passive = False
    if passive and verb.dep_ in PASSIVE_CLAUSE_LINKS and not reduced and not bare and shared is None \
            and not any(child.dep_ == "nsubjpass" for child in verb.children):
        # "they stabbed an officer before being shot dead": the clause's subject undergoes the act
        subject = _inherited_subject(verb)
        if subject is not None:
            targets += actors_of(subject, index)
    if not sources and not passive and not _has_nominal_subject(verb):
        subject = _inherited_subject(verb)
        if subject is not None:
            sources += actors_of(subject, index)
    if verb.dep_ == "relcl" and not sources and not passive and not _relative_object(verb):
        sources += _outside(actors_of(_predicated(verb.head), index), verb)
    elif verb.dep_ == "acl" and not sources and verb.tag_ == "VB" and verb.head.dep_ == "attr":
        sources += _outside(actors_of(_predicated(verb.head), index), verb)  # "the first to recognise"
    if verb.dep_ == "acl" and not sources and verb.tag_ == "VBG":
        sources += actors_of(verb.head, index)  # "protesters demonstrating against ..."
    if not targets:
        targets += _object_targets(verb, index)
    if not targets:
        targets += _shifted_objects(verb, index)
    if not targets:
        targets += _stance_targets(verb, index)
    if not targets:
        targets += _clause_targets(verb, index)
    if not targets:
        targets += _condition_subjects(verb, index)
    return _coded_first(sources), _coded_first(t for t in targets if t not in sources)


def _subject_actors(subject: Token, verb: Token, index: ActorIndex) -> list[Actor]:
    """The actors of a subject; of a relative pronoun, those of the noun it stands for, outside
    the relative clause ("these attacks, that killed 162 people"), or of the name that noun
    is in apposition to."""
    head = _relative_head(subject)
    if head is subject:
        return actors_of(head, index)
    found = _outside(actors_of(head, index), verb)
    if not found and head.dep_ == "appos":
        # "Farkhunda, a woman who was beaten to death": the apposition describes the name
        found = _outside(actors_of(head.head, index), verb)
    return found


def _hyphenated(token: Token) -> bool:
    """Whether the word ends a hyphenated compound ("Russian-backed", "state-sanctioned")."""
    return token.i > 0 and token.nbor(-1).text == "-"


def _predicated(noun: Token) -> Token:
    """The subject a noun is predicated of ("Kuwait is the latest country to withdraw its
    ambassador": the country is Kuwait), or the noun itself."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return noun
    return next((child for child in noun.head.children if child.dep_ == "nsubj"), noun)


def _outside(actors: list[Actor], clause: Token) -> list[Actor]:
    """The actors not named inside `clause`: the noun a relative or participle clause hangs on
    is found by its phrase, which holds the clause itself ("these attacks, that killed 162
    people": the attacks did the killing, not the people)."""
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    return [actor for actor in actors if not start <= actor.evidence.start < end]


def _argument_children(verb: Token) -> list[Token]:
    """The verb's dependents, with prepositions hung on a particle ("kidnapped up to 16 advisers")."""
    children = list(verb.children)
    children += [g for child in children if child.dep_ == "prt" for g in child.children if g.dep_ == "prep"]
    return children


def _prepositional_objects(preposition: Token) -> list[Token]:
    """The objects of a preposition, or the noun the parser hung on the next clause instead
    ("granted asylum to [five officers] holed up in ...", parsed as the subject of "holed")."""
    objects = [child for child in preposition.children if child.dep_ == "pobj"]
    if objects or preposition.i + 1 >= len(preposition.doc):
        return objects
    following = preposition.doc[preposition.i + 1]
    for token in following.sent[following.i - following.sent.start :]:
        if token.left_edge.i == following.i and token.dep_ in ("nsubj", "nsubjpass") and token.head.i > token.i:
            return [token]
    return []


def _shifted_objects(verb: Token, index: ActorIndex) -> list[Actor]:
    """An object moved after "as": "denounced as a crime Serbia's suppression of ..."."""
    if any(child.dep_ == "dobj" for child in verb.children):
        return []
    return [a for preposition in verb.children if preposition.dep_ == "prep" and preposition.lower_ == "as"
            for pobj in preposition.children if pobj.dep_ == "pobj"
            for appos in pobj.children if appos.dep_ == "appos" for a in actors_of(appos, index)]


def _object_targets(verb: Token, index: ActorIndex) -> list[Actor]:
    """Targets in a prepositional phrase of the object: "granted asylum to five officers",
    "show their disapproval for the United States' policies"."""
    found: list[Actor] = []
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        for preposition in child.children:
            if preposition.dep_ == "prep" and preposition.lower_ in TARGET_PREPOSITIONS:
                found += [a for pobj in preposition.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
    return found


def _stance_targets(verb: Token, index: ActorIndex) -> list[Actor]:
    """The party a stance phrase names: "blocked streets in defiance of Chinese authorities"."""
    found: list[Actor] = []
    for preposition in verb.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in STANCE_PREPOSITIONS:
            continue
        for noun in preposition.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in word_list("stance_nouns"):
                found += [a for inner in noun.children
                          if inner.dep_ in ("prep", "agent") and inner.lower_ in TARGET_PREPOSITIONS | {"by"}
                          for pobj in inner.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
    return found


def _clause_targets(verb: Token, index: ActorIndex) -> list[Actor]:
    """Targets from a complement clause: its subject for "demanded that the US cancel ..." and
    "called for Uganda to withdraw", the targets of "threatened to strike South Korea"."""
    targets: list[Actor] = []
    for child in verb.children:
        if subjects := _for_subjects(child, index):
            targets += subjects
        elif child.dep_ == "ccomp":
            subjects = [a for grandchild in child.children if grandchild.dep_ in ("nsubj", "nsubjpass")
                        for a in actors_of(grandchild, index)]
            targets += subjects or _verb_arguments(child, index)[1]
        elif child.dep_ == "xcomp" or (child.dep_ == "advcl" and _is_purpose(child)):
            targets += _verb_arguments(child, index)[1]
    return targets


def _for_subjects(clause: Token, index: ActorIndex) -> list[Actor]:
    """The subject of a "for X to do" clause, whom a call or a demand is made of."""
    if not opened_by(clause, "for", ("advcl", "acl", "ccomp", "xcomp")):
        return []
    return [a for child in clause.children if child.dep_ == "nsubj" for a in actors_of(child, index)]


def opened_by(clause: Token, word: str, links: tuple[str, ...]) -> bool:
    """Whether `clause`, linked to its head by one of `links`, opens with the marker `word`
    ("for Uganda to withdraw")."""
    return clause.dep_ in links and any(child.dep_ == "mark" and child.lower_ == word for child in clause.children)


def _is_purpose(clause: Token) -> bool:
    """An infinitive of purpose: "blocked a road to show their anger"."""
    return clause.tag_ == "VB" and any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)


def _condition_subjects(verb: Token, index: ActorIndex) -> list[Actor]:
    """The party a condition falls on: "threatened to strike unless Israel rescinded ..."."""
    clauses = [child for child in verb.children if child.dep_ == "advcl"]
    clauses += [c for child in verb.children if child.dep_ == "xcomp" for c in child.children if c.dep_ == "advcl"]
    found: list[Actor] = []
    for clause in clauses:
        if any(child.dep_ == "mark" and child.lower_ in CONDITION_MARKERS for child in clause.children):
            found += [a for child in clause.children if child.dep_ in ("nsubj", "nsubjpass")
                      for a in actors_of(child, index)]
    return found


def _place_targets(trigger: Token, index: ActorIndex) -> list[Actor]:
    """Countries and capitals named where the event happens ("in Tokyo", "to Bosnia").

    Looks at locative phrases of the trigger, of its clause complement ("agreed to set up a
    centre in Tokyo") and of its direct object ("lifted a state of emergency in Darfur").
    """
    complements = [child for child in trigger.children if child.dep_ in ("xcomp", "dobj")]
    heads = [trigger, *complements]
    heads += [grandchild for child in complements for grandchild in child.children
              if grandchild.dep_ in ("dobj", "acl")]
    if trigger.pos_ == "NOUN":
        verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if trigger.dep_ in ("dobj", "nsubjpass", "pobj") and verb.pos_ in ("VERB", "AUX"):
            heads.append(verb)  # "remained on alert in the West Bank", "reimposed blockades in ..."
    found: list[Actor] = []
    for head in heads:
        for preposition in head.children:
            if preposition.dep_ != "prep" or preposition.lower_ not in PLACE_PREPOSITIONS:
                continue
            for pobj in preposition.children:
                if pobj.dep_ == "pobj":
                    found += _places_in(pobj, index)
        if found:
            break
    return _unique(found)


def _unattributed(trigger: Token) -> list[Actor]:
    """An unidentified attacker for "a roadside bombing killed ...", "killed in a car bomb explosion"."""
    means = [trigger] if trigger.pos_ == "NOUN" else []
    for child in trigger.children:
        if child.dep_ == "nsubj":
            means.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("in", "by") and (
                is_passive(trigger) or _bare_passive(trigger)):
            means += [pobj for pobj in child.children if pobj.dep_ == "pobj"]
    known = unattributed_means()
    for token in means:
        words = [t.lemma_.lower() for t in token.lefts if t.dep_ == "compound"] + [token.lemma_.lower()]
        if token.pos_ == "NOUN" and (words[-1] in known or " ".join(words[-2:]) in known):
            return [_unattributed_actor(token)]
    return []


def _unattributed_actor(token: Token) -> Actor:
    """Unidentified attackers for a bomb or blast that carried out the attack, with no country:
    the location stage gives them the country of the event's place, not of whatever place
    the sentence names ("In Poland, Obama spoke of the aftermath of the Dallas shooting")."""
    kb = load_knowledge_base()
    start = token.left_edge.idx
    end = token.idx + len(token)
    evidence = Evidence(_sentence_number(token), start, end, CODER, kb.version)
    return Actor(token.doc[token.left_edge.i : token.i + 1].text, "unidentified attackers", None, "UAF", "group",
                 evidence)


def _sentence_number(token: Token) -> int:
    """The index of the token's sentence in `Article.sentences` (blank ones are not counted),
    from the sentence starts kept with the parse after the first call."""
    starts = token.doc.user_data.get(SENTENCE_STARTS)
    if starts is None:
        starts = [span.start for span in sentence_spans(token.doc) if span.text.strip()]
        token.doc.user_data[SENTENCE_STARTS] = starts
    return max(bisect_right(starts, token.i) - 1, 0)


def _places_in(pobj: Token, index: ActorIndex, depth: int = 0) -> list[Actor]:
    """Coded actors or known countries and capitals over a locative object and its conjuncts,
    else over the places it is said to be in ("at this jail in northern Israel")."""
    found: list[Actor] = []
    appositions = [child for child in pobj.children if child.dep_ == "appos"]  # "in Aleppo, Syria"
    for token in (pobj, *pobj.conjuncts, *appositions):
        start, end = token.left_edge.idx, token.idx + len(token)
        actors = [a for a in index.within(start, end) if a.country] or _known_places(token)
        if not actors and depth < MAX_PLACE_DEPTH:
            actors = [a for preposition in token.children
                      if preposition.dep_ == "prep" and preposition.lower_ in PLACE_PREPOSITIONS | {"of"}
                      for inner in preposition.children if inner.dep_ == "pobj"
                      for a in _places_in(inner, index, depth + 1)]
        found += actors
    return found


def _known_places(token: Token) -> list[Actor]:
    """Countries and capitals the knowledge base knows in the words up to `token` ("in Tokyo")."""
    return _known_countries(token.doc[token.left_edge.i : token.i + 1], PLACE_KINDS)


def _known_countries(span: Span, kinds: set[str]) -> list[Actor]:
    """State actors for the knowledge-base entries of these kinds named in `span`."""
    kb = load_knowledge_base()
    sentence = _sentence_number(span[0])
    found = []
    for match, entry in kb.match(span):
        if entry.type in kinds and entry.country and entry.country != "IGO":  # a place is in no IGO: "in Brussels"
            evidence = Evidence(sentence, match.start_char, match.end_char, CODER, kb.version)
            found.append(Actor(match.text, entry.name, entry.country, None, "state", evidence))
    return found


def _noun_arguments(noun: Token, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    sources: list[Actor] = []
    targets: list[Actor] = []
    parties: list[Actor] = []
    patient = not word_list("patient_nouns").isdisjoint(lemmas(noun))
    for child in noun.children:
        if child.dep_ == "poss" and patient:
            targets += actors_of(child, index)  # "Soleimani's assassination": done to him
        elif child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i):
            sources += actors_of(child, index)
        elif child.dep_ == "prep" and child.lower_ == "by":
            sources += [a for pobj in child.children for a in actors_of(pobj, index)]
        elif child.dep_ == "prep" and child.lower_ == "between":
            parties += [a for pobj in child.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
        elif child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPOSITIONS:
            targets += [a for pobj in child.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
        else:
            targets += _for_subjects(child, index)  # "a call for Trump to resign"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("on", "under") and head.head.pos_ == "VERB":
        # "remained on alert", "was put under investigation"
        head, noun = head.head, head
    if noun.dep_ in ("dobj", "prep") and _receiving(head):
        # "officers received jail terms", "the convoy came under attack": done to the subject
        targets += [a for child in head.children if child.dep_ in ("nsubj", "nsubjpass")
                    for a in actors_of(child, index) if a not in sources]
    light = not word_list("light_verbs").isdisjoint(lemmas(head))
    if not sources and noun.dep_ in ("dobj", "nsubjpass", "prep") and light:
        # the light verb's "at" is a venue: "held a meeting with X at a lunch"
        verb_sources, verb_targets = _verb_arguments(head, index, frozenset(TARGET_PREPOSITIONS - {"at"}))
        sources += verb_sources
        targets += [t for t in verb_targets if t not in sources]
    if (not sources and noun.dep_ == "pobj" and head.lower_ in ATTENDED_PREPOSITIONS and head.head.pos_ == "VERB"
            and not word_list("meetings").isdisjoint(lemmas(noun))):
        # "he arrives for a breakfast meeting", "Obama said after a meeting with police chiefs": the subject took part
        sources += [a for child in head.head.children if child.dep_ == "nsubj" for a in actors_of(child, index)
                    if a not in targets]
    if not sources and not targets and noun.dep_ == "nsubj" and head.lemma_.lower() in word_list("occurrence_verbs"):
        # "clashes erupted between X and Y": the participants hang on the verb, the first is the source
        participants = [a for child in head.children
                        if child.dep_ == "prep" and child.lower_ in PARTICIPANT_PREPOSITIONS
                        for pobj in child.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
        sources, targets = _first_and_rest(participants)
    if parties and not sources:
        first, rest = _first_and_rest(parties)
        sources, targets = first, rest + targets
    else:
        targets += parties
    return _coded_first(sources), _coded_first(t for t in targets if t not in sources)


def _receiving(verb: Token) -> bool:
    """Whether the verb's subject undergoes the event noun it takes; "give"/"hand" do so only
    in the passive ("were given 20-year sentences")."""
    lemma = verb.lemma_.lower()
    if lemma not in word_list("receiving_verbs"):
        return False
    return is_passive(verb) if lemma in ("give", "hand") else True


def _first_and_rest(participants: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """Split the parties of a symmetric event ("clashes between X and Y") into X -> Y."""
    participants = _coded_first(participants)
    return (participants[:1], participants[1:]) if len(participants) > 1 else ([], participants)


def _shared_passive(verb: Token) -> Token | None:
    """The passive verb a participle is coordinated with when it shares that verb's subject and
    auxiliary ("thirty civilians were arrested and charged": the civilians were charged too)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head.tag_ != "VBN" or not is_passive(head):
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for child in verb.children):
        return None
    return head


def _bare_passive(verb: Token) -> bool:
    """Whether a verb that always takes an object has a subject, no object and no auxiliary,
    in its clause or its conjuncts: a headline's or caption's passive ("Three soldiers killed
    in Kabul blast", "A Marine wounded in an IED attack is helped ..."), which the parser reads
    as active. A relative clause is left alone: its object is the noun ("the men they killed")."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ in ("relcl", "acl", "amod"):
        return False
    clause = (verb, *verb.conjuncts)
    if word_list("object_verbs").isdisjoint(token.lemma_.lower() for token in clause) or not any(
            c.dep_ == "nsubj" for c in verb.children):
        return False  # "US Chinook helicopter shot down and completely destroyed": destroyed, so shot down
    return not any(child.dep_ in OBJECT_DEPENDENTS for token in clause for child in token.children)


def _relative_object(verb: Token) -> bool:
    """Whether a relative clause's pronoun is its object: "the rebels that troops attacked",
    "asylum seekers, whom many blame for the lack of tourists"."""
    return verb.dep_ == "relcl" and any(child.dep_ == "dobj" and child.tag_ in ("WP", "WDT")
                                        for child in verb.children)


def _passive_complement(verb: Token) -> Token | None:
    """The passive clause a bare participle completes, whose subject undergoes it: "the
    prosecutor was found shot dead", "two were reported killed" (not "was asked to resign")."""
    head = verb.head
    if verb.dep_ != "xcomp" or verb.tag_ != "VBN" or not is_passive(head) or any(
            child.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for child in verb.children):
        return None
    return head


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice: it has a passive subject or auxiliary."""
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def _has_nominal_subject(verb: Token) -> bool:
    """Whether the clause has its own subject that is a noun ("a bombing killed ..."), not a pronoun."""
    return any(child.dep_ in ("nsubj", "nsubjpass") and child.tag_ not in PRONOUNS for child in verb.children)


def _inherited_subject(verb: Token) -> Token | None:
    """Return the subject a verb shares with the clause it depends on ("X agreed to meet").

    A passive clause passes on its agent ("was attacked by militiamen, killing ..."), or
    nothing when it has none.
    """
    child = _misattached_conjunct(verb) or verb
    for _ in range(MAX_CLIMB):
        if child.dep_ not in SUBJECT_LINKS or child.head.i == child.i:
            return None
        if child.dep_ == "acl" and _on_noun(child):
            if child.head.lemma_.lower() in word_list("directive_nouns"):
                return None  # "ignored the UN's call to release them": the addressee's act
            if (owner := _noun_owner(child.head)) is not None:
                return owner
        link, child = child.dep_, child.head
        if link == "pcomp" and (patient := _patient_agent(child)) is not None:
            return patient
        if link == "xcomp" and is_passive(child):
            # "was asked by Ugandan officials to resign": the one asked is to resign
            patients = [c for c in child.children if c.dep_ == "nsubjpass"]
            if patients:
                return _relative_head(patients[0])
        if is_passive(child) and child.lower_ not in word_list("stance_participles"):
            agents = [pobj for agent in child.children if agent.dep_ == "agent"
                      for pobj in agent.children if pobj.dep_ == "pobj"]
            return agents[0] if agents else None
        for sibling in child.children:
            stance = sibling.dep_ == "nsubjpass" and child.lower_ in word_list("stance_participles")
            if sibling.dep_ == "nsubj" or stance:
                return _relative_head(sibling)
    return None


def _patient_agent(preposition: Token) -> Token | None:
    """The one an act is done to, as the doer of the -ing clause a preposition opens: the one
    punished for it ("arrested three students for protesting", "was jailed for insulting the
    king") or prevented from it ("blocked lawyers from visiting him")."""
    noun = preposition.head if preposition.head.dep_ in ("dobj", "nsubjpass") else None
    verb = noun.head if noun is not None else preposition.head
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if preposition.lower_ == "for":
        controlled = lemma in word_list("punishing")
    else:
        controlled = preposition.lower_ == "from" and load_cues().get((lemma, "governor")) == "negated" and noun is None
    patients = [noun] if noun is not None else [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return _relative_head(patients[0]) if controlled and patients else None


def _on_noun(clause: Token) -> bool:
    """Whether a clause is an infinitive on a noun ("efforts to crack down")."""
    return clause.head.pos_ == "NOUN" and any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)


def _noun_owner(noun: Token) -> Token | None:
    """Whose effort, plan, decision or order a noun is: its named possessor or proper-adjective
    owner ("Turkish efforts to crack down", "the government's decision to arrest them"); a
    pronoun's antecedent is left to the clause the noun stands in."""
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ not in PRONOUNS | {"PRP$"}:
            return child
        if child.dep_ in ("amod", "compound") and child.i < noun.i and (
                child.pos_ == "PROPN" or child.ent_type_ in OWNER_ENTITIES):
            return child
    return None


def _misattached_conjunct(verb: Token) -> Token | None:
    """The reported clause a finite verb was wrongly coordinated into, when it goes with the
    reporting verb instead ("the State Department said freedom is improving and praised the
    EU": the Department praised): a subjectless conjunct of the reporting verb's tense hung on
    the clause's -ing or bare verb. The clause is returned, to climb past it."""
    clause = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or clause.dep_ != "ccomp":
        return None
    if clause.tag_ not in ("VBG", "VB") or clause.head.tag_ != verb.tag_:
        return None
    if any(child.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for child in verb.children):
        return None
    return clause


def _relative_head(subject: Token) -> Token:
    """Resolve a relative pronoun subject ("who", "which") to the noun it stands for."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _coded(actor: Actor) -> bool:
    return bool(actor.country or actor.sector)


def _coded_first(actors) -> list[Actor]:
    """Unique actors; uncoded ones (no country, no sector) only when no actor is coded."""
    unique = _unique(actors)
    coded = [actor for actor in unique if _coded(actor)]
    return coded or unique


def _unique(actors) -> list[Actor]:
    seen: set[tuple] = set()
    unique = []
    for actor in actors:
        key = (actor.name, actor.country, actor.sector, actor.evidence.start)
        if key not in seen:
            seen.add(key)
            unique.append(actor)
    return unique
