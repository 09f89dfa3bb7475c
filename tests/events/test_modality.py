import pytest

from eventwire.events.modality import modality_of


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        ("Rebels attacked the convoy on Monday.", "attacked", "asserted"),
        # an event noun's own modifiers can put it ahead or leave it possible
        ("Security was tight ahead of a planned protest in Hong Kong.", "protest", "future"),
        ("The scheduled meeting between the two ministers drew criticism.", "meeting", "future"),
        ("Iran warned of potential retaliation against US forces.", "retaliation", "hypothetical"),
        ("Rebels did not attack the convoy.", "attack", "negated"),
        # a conjunct in the past tense does not share its head's auxiliary
        ("Many will deplore that decision and were repelled when a man was set on fire last week.", "set", "asserted"),
        ("The army did not attack the village but shelled the town.", "shelled", "asserted"),
        ("Police will arrest and charge the suspects.", "charge", "future"),
        # an event noun that is the subject of an occurrence verb takes that verb's modality
        ("Clashes could erupt between police and protesters.", "Clashes", "hypothetical"),
        ("Airstrikes will resume after the holiday.", "Airstrikes", "future"),
        ("Clashes erupted between police and protesters on Monday.", "Clashes", "asserted"),
        # negations compose: what was not stopped, or what someone failed to stop, took place
        ("Police stopped the attack on the embassy.", "attack", "negated"),
        ("Police failed to stop the attack on the embassy.", "attack", "asserted"),
        ("Authorities blocked the lawyers from visiting him.", "visiting", "negated"),
        # what is feared or threatened has not happened
        ("The criticism was stoked by the threat of further attacks by the militia.", "attacks", "hypothetical"),
        ("Residents fled for fear of violence after the election.", "violence", "hypothetical"),
        ("The court barred the opposition leader from contesting the election.", "contesting", "negated"),
        ("The army did not prevent the shelling of the town.", "shelling", "asserted"),
        ("Rebels will attack the convoy.", "attack", "future"),
        ("Rebels could attack the convoy.", "attack", "hypothetical"),
        # a readiness, a resolve or a likelihood is not the act
        ("Iran is willing to talk with the United States.", "talk", "future"),
        ("France is prepared to send troops to Mali.", "send", "future"),
        ("The women were determined to carry out the attacks.", "carry", "future"),
        ("Hamas is unwilling to release the hostages.", "release", "negated"),
        ("Israel is unlikely to strike Iran before the vote.", "strike", "hypothetical"),
        ("The rebels are likely to attack the town.", "attack", "hypothetical"),
        # a definite event a verb of comment takes as object took place
        ("The party declined to condemn the airstrikes.", "airstrikes", "asserted"),
        ("Leaders agreed to postpone the demonstration.", "demonstration", "future"),
        # what is cancelled does not take place; what is postponed is still to come
        ("The Brazilian president canceled a visit to Washington.", "visit", "negated"),
        ("The union postponed the strike until next week.", "strike", "future"),
        # issue 11: so does one a clause is about, whatever the clause's own negation
        ("Iraq said it was not consulted about the strike that killed the general.", "strike", "asserted"),
        ("Officials would not comment on the attack.", "attack", "asserted"),
        ("Militants plotted to bomb the bridge.", "bomb", "intended"),
        ("If talks fail, rebels will attack the city.", "attack", "future"),
        ("The army threatened to strike the rebel camps.", "strike", "threatened"),
        # a participle on a subject tells how it came to be, not what the verb hedges or plans
        ("The men detained on Monday are suspected of belonging to a militant cell.", "detained", "asserted"),
        ("The men detained on Monday are suspected of attacking a police station.", "attacking", "hypothetical"),
        # a conjunct is an act beside its head, not one the head governs; it shares the head's clause
        ("Activists have been threatened, arrested and prosecuted.", "arrested", "asserted"),
        ("The rebels threatened and beat the villagers.", "beat", "asserted"),
        ("Police did not arrest or charge the men.", "charge", "negated"),
        ("The army threatened to shell and storm the town.", "storm", "threatened"),
        ("The government refused to meet the strikers.", "meet", "negated"),
        ("The two leaders agreed to meet next month.", "meet", "future"),
        ("Police said that rebels attacked the convoy.", "attacked", "reported"),
        ("According to the army, rebels attacked the convoy.", "attacked", "reported"),
        ("The minister urged the army to withdraw.", "withdraw", "hypothetical"),
        # issue 11: a relative clause keeps its own facts
        ("The lawyer asked why police did not charge him in Gulu where he was detained.", "detained", "asserted"),
        ("Officials who arrested the men did not speak to reporters.", "arrested", "asserted"),
        # a future under a negation or a condition takes the outer modality
        ("The mayor said there is no chance he will resign.", "resign", "negated"),
        # a present tense after "once"/"when" speaks of a time to come
        ("Once Chile signs the treaty, its neighbours will follow.", "signs", "future"),
        ("When the rebels withdraw, aid will flow.", "withdraw", "future"),
        # ability and allegation are not facts
        ("Smugglers can supply them with rifles.", "supply", "hypothetical"),
        ("Two men accused of attacking a soldier appeared in court.", "attacking", "hypothetical"),
        # any such event is none in particular
        ("Any attack on the embassy would be met with force.", "attack", "hypothetical"),
        ("Israel will reject any deal struck between the powers and Iran.", "struck", "hypothetical"),
        # an event noun after "toward" is a goal
        ("The talks were a step toward a ceasefire.", "ceasefire", "hypothetical"),
        ("Washington pushed Israel towards concessions.", "concessions", "hypothetical"),
        # a definite event noun that qualifies another noun took place
        ("Iran vowed revenge for the general's assassination.", "assassination", "asserted"),
        # a to-infinitive of purpose or goal is intended, not a fact ...
        ("Hundreds of men travelled to Libya to fight for the militia.", "fight", "intended"),
        ("The junta's plan was to dissolve the parliament.", "dissolve", "intended"),
        ("The envoy made efforts to negotiate a truce.", "negotiate", "intended"),
        # ... unless its head says it happened, or ranks the actor that did it
        ("Police continued to arrest students after the vote.", "arrest", "asserted"),
        ("Thousands were forced to flee the shelling.", "flee", "asserted"),
        ("Qatar was the first country to recognise the council.", "recognise", "asserted"),
        # a passive hedge is no fact; "not just" adds, it does not deny
        ("The gunmen are believed to have attacked the checkpoint.", "attacked", "hypothetical"),
        ("Armies are cracking down on smugglers, not just the navy.", "cracking", "asserted"),
        # a definite event noun in a purpose clause still took place
        ("Troops were sent to break up the sit-in.", "sit", "asserted"),
    ],
)
def test_modality_of(nlp, sentence, trigger, modality):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    assert modality_of(token) == modality
