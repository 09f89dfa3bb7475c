"""The event coder on sentences written for these tests, through the stages it needs."""

import pytest

from eventwire.extract import article_from_text
from eventwire.registry import get_coder

STAGES_BEFORE = ("nlp", "actors", "places", "time", "events")


@pytest.fixture(scope="module")
def code(ctx):
    def run(text: str):
        article = article_from_text(text, published="2021-03-10")
        for stage in STAGES_BEFORE:
            article = get_coder(stage, ctx.options.coder(stage))(article, ctx)
        return article.events

    return run


def summary(events, *, happened_only=True):
    return {
        (e.type, frozenset(a.country for a in e.sources if a.country),
         frozenset(a.country for a in e.targets if a.country))
        for e in events if e.happened or not happened_only
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian troops attacked Ukrainian positions near Kharkiv.", ("ASSAULT", {"RUS"}, {"UKR"})),
        ("Ukrainian positions were shelled by Russian artillery.", ("ASSAULT", {"RUS"}, {"UKR"})),
        ("Israel's airstrike on Gaza killed four people.", ("ASSAULT", {"ISR"}, set())),
        ("The Kenyan president met the Ethiopian prime minister in Nairobi.", ("CONSULT", {"KEN"}, {"ETH"})),
        ("France accused Iran of violating the nuclear accord.", ("ACCUSE", {"FRA"}, {"IRN"})),
        ("Germany rejected a Polish proposal for reparations.", ("REJECT", {"DEU"}, {"POL"})),
        ("The United States imposed sanctions on Venezuela.", ("SANCTION", {"USA"}, {"VEN"})),
        ("Turkish police arrested dozens of Kurdish activists.", ("COERCE", {"TUR"}, set())),
        ("Thousands of Chileans protested in Santiago against the government.", ("PROTEST", {"CHL"}, set())),
        ("India and Pakistan agreed to a ceasefire along the border.", ("AGREE", {"IND", "PAK"}, set())),
        ("Japan demanded that China release the detained fishermen.", ("REQUEST", {"JPN"}, {"CHN"})),
        ("North Korea threatened to strike South Korea.", ("THREATEN", {"PRK"}, {"KOR"})),
        ("Brazil sent humanitarian aid to Haiti.", ("AID", {"BRA"}, {"HTI"})),
        # issue 11: verbal and legal events that were missed
        ("A Turkish court sentenced two Syrian men to life in prison.", ("SANCTION", {"TUR"}, {"SYR"})),
        ("A Pakistani court acquitted the Christian woman.", ("CONCEDE", {"PAK"}, set())),
        ("An Egyptian court overturned the death sentences of 20 men.", ("CONCEDE", {"EGY"}, set())),
        ("The Danish minister lauded Swedish police for their work.", ("SUPPORT", {"DNK"}, {"SWE"})),
        ("The Iranian foreign ministry expressed outrage at the Saudi execution.", ("ACCUSE", {"IRN"}, set())),
        ("Turkish authorities are cracking down on Kurdish media.", ("COERCE", {"TUR"}, set())),
        ("The Turkish government's crackdown on Kurdish media drew criticism.", ("COERCE", {"TUR"}, set())),
        # a bomb's explosion is an attack
        ("A car bomb explosion killed five Kenyan soldiers in Mandera.", ("ASSAULT", set(), {"KEN"})),
        # agreeing to a proposal is an agreement
        ("Uganda proposed a truce and Kenya agreed.", ("AGREE", {"KEN"}, set())),
        # pushing or lobbying for something is asking for it
        ("Kenya is pushing hard for Uganda to reopen the border.", ("REQUEST", {"KEN"}, {"UGA"})),
        # rebukes and reprimands are criticisms
        ("The Chinese foreign ministry rebuked Japan over the visit.", ("ACCUSE", {"CHN"}, {"JPN"})),
        ("The Kenyan president lambasted the Ugandan government over the border closure.",
         ("ACCUSE", {"KEN"}, {"UGA"})),
        # an attack on what only words can hit is a criticism
        ("The Kenyan opposition leader attacked the minister's remarks on the budget.", ("ACCUSE", {"KEN"}, {"KEN"})),
        # a rally its holders are named for is a protest
        ("Kenyan opposition supporters held a rally in Nairobi.", ("PROTEST", {"KEN"}, {"KEN"})),
        # captives freed in part are freed
        ("The Kenyan army freed some of the Somali hostages.", ("RETREAT", {"KEN"}, {"SOM"})),
        ("The Kenyan government yielded to pressure from Somali unions.", ("CONCEDE", {"KEN"}, {"SOM"})),
        ("The United States advised Kenya to close its embassy.", ("REQUEST", {"USA"}, {"KEN"})),
        ("Somalia issued a threat against Kenya.", ("THREATEN", {"SOM"}, {"KEN"})),
        # civilians supporting the army is a political act: one party is the state
        ("Kenyan villagers supported the Somali army's operation.", ("SUPPORT", {"KEN"}, {"SOM"})),
        # a public figure attacking another in words is criticising; a president's forces attack
        ("Senator Ted Cruz attacked Donald Trump in an interview.", ("ACCUSE", {"USA"}, {"USA"})),
        ("Donald Trump's attacks on Hillary Clinton intensified.", ("ACCUSE", {"USA"}, {"USA"})),
        ("Syrian President Bashar al-Assad attacked rebels in Aleppo.", ("ASSAULT", {"SYR"}, {"SYR"})),
        # a call or an appeal for something is a request; a phone call is not
        ("The Kenyan president made an appeal for calm.", ("REQUEST", {"KEN"}, set())),
        ("Qatar hosted the Afghan delegation in Doha.", ("CONSULT", {"QAT"}, {"AFG"})),
        ("The Kenyan president paid a visit to Uganda last week.", ("CONSULT", {"KEN"}, {"UGA"})),
        # a person welcomed or greeted is met; a decision welcomed is praised
        ("Kenyan President Uhuru Kenyatta welcomed Ugandan President Yoweri Museveni at State House in Nairobi.",
         ("CONSULT", {"KEN"}, {"UGA"})),
        ("The Congolese government welcomed the surrender of the rebels.", ("SUPPORT", {"COD"}, set())),
        ("France's call for a ceasefire in Libya went unheeded.", ("REQUEST", {"FRA"}, set())),
        # saying someone is responsible for a harm accuses them
        ("The Kenyan minister said Ugandan rebels were responsible for the deaths of ten villagers.",
         ("ACCUSE", {"KEN"}, {"UGA"})),
        # a call for someone to act is a request made of them
        ("Kenya called for Uganda to withdraw its troops.", ("REQUEST", {"KEN"}, {"UGA"})),
        ("The scandal set off a call for the Ugandan president to resign.", ("REQUEST", set(), {"UGA"})),
        # withdrawing diplomats reduces relations (CAMEO 161); it is no retreat
        ("Qatar withdrew its ambassador from Egypt.", ("SANCTION", {"QAT"}, {"EGY"})),
        ("Canada pulled out its diplomats from Venezuela.", ("SANCTION", {"CAN"}, {"VEN"})),
        # a phone call is a consultation at a distance, told before the clause or not
        ("The Kenyan president spoke by phone with the Ethiopian prime minister.", ("CONSULT", {"KEN"}, {"ETH"})),
        ("A telephone conversation between the Kenyan president and the Ugandan president took place on Friday.",
         ("CONSULT", {"KEN"}, {"UGA"})),
        ("A 30-minute call between the Japanese prime minister and the Chinese president ended early.",
         ("CONSULT", {"JPN"}, {"CHN"})),
        ("After speaking by phone, the Kenyan and Ugandan presidents condemned the attack.",
         ("CONSULT", {"KEN", "UGA"}, set())),
        # an arrest of someone needs no named party: it implies the police
        ("Dozens more were detained on Monday and face prosecution.", ("COERCE", set(), set())),
        # people rounded up are arrested; a massacre or a genocide is an assault
        ("Philippine police rounded up dozens of men in Manila on Friday.", ("COERCE", {"PHL"}, {"PHL"})),
        ("Congolese troops massacred 40 villagers in Kasai in March.", ("ASSAULT", {"COD"}, {"COD"})),
        ("Nigerian troops carried out raids on three villages in Borno.", ("ASSAULT", {"NGA"}, set())),
        ("Sweden recognized Palestine in 2014.", ("SUPPORT", {"SWE"}, {"PSE"})),
        ("Israeli forces beat three Palestinians and then detained them.", ("ASSAULT", {"ISR"}, set())),
        ("Ugandan police beat opposition leader Kizza Besigye in Kampala.", ("ASSAULT", {"UGA"}, set())),
        ("Hamas gunmen beat a Fatah official in Gaza.", ("ASSAULT", set(), set())),
        ("The Kenyan minister declined the invitation to the summit.", ("REJECT", {"KEN"}, set())),
        ("The Kenyan president was met by the Ugandan foreign minister at the airport.",
         ("CONSULT", {"UGA"}, {"KEN"})),
        ("Russia recognized the independence of Abkhazia.", ("SUPPORT", {"RUS"}, set())),
        ("A Syrian airstrike collapsed their house in Idlib, killing his brother.", ("ASSAULT", {"SYR"}, set())),
        ("Israeli forces fired rubber bullets at Palestinian fishermen in their boats off Gaza.",
         ("ASSAULT", {"ISR"}, {"PSE"})),
        ("Islamic State jihadists committed what Iraqi officials believe to be genocide against Yazidis in Sinjar.",
         ("ASSAULT", set(), set())),
        # a person held is in custody
        ("Kenyan officials said dozens of prisoners are still being held in Nairobi.", ("COERCE", set(), set())),
        # a person captured is arrested; a stronghold captured is fought for
        ("Belgian police captured the chief suspect in the Brussels bombing.", ("COERCE", {"BEL"}, set())),
        ("Belgian gunman Ahmed Karimi, who was captured in France last week, was questioned.",
         ("COERCE", set(), {"BEL"})),
        ("Burmese troops have captured part of a Karen guerrilla stronghold.", ("ASSAULT", {"MMR"}, set())),
        ("Malian rebels seized on Monday the town of Kidal.", ("COERCE", set(), set())),
        ("Kenyan troops fought to retake the town of Kismayo.", ("ASSAULT", {"KEN"}, set())),
        ("The Kenyan president talked with the Ugandan president about trade.", ("CONSULT", {"KEN"}, {"UGA"})),
        ("Kenya and Uganda agreed that they will reopen the border.", ("AGREE", {"KEN", "UGA"}, set())),
        ("Somali rebels had agreed with Kenya on the terms of the ceasefire.", ("AGREE", {"SOM"}, {"KEN"})),
        ("Kenya, asked by Uganda to withdraw its troops, refused.", ("REQUEST", {"UGA"}, {"KEN"})),
        ("Kenyan and Ugandan officials talked about the border on Monday.", ("CONSULT", {"KEN", "UGA"}, set())),
        # a noun the tagger reads as a verb is still the event noun
        ("Rescuers pulled a boy from the rubble following a government forces airstrike on the rebel-held town.",
         ("ASSAULT", set(), set())),
        # a meeting the subject came for or acted after: the subject took part
        ("The Kenyan president arrived in Addis Ababa for talks with the Ethiopian prime minister.",
         ("CONSULT", {"KEN"}, {"ETH"})),
        ("After a long meeting with Ugandan officials, the Kenyan president said the border would reopen.",
         ("CONSULT", {"KEN"}, {"UGA"})),
        # forces sent somewhere are deployed (a letter or an envoy sent is not)
        ("Turkey sent troops to Libya on Thursday.", ("MOBILIZE", {"TUR"}, {"LBY"})),
        # a military build-up is a mobilisation
        ("The Russian military build-up near the Ukrainian border continued on Monday.", ("MOBILIZE", {"RUS"}, set())),
        ("Al-Qaida's Syrian affiliate is sending fighters back into Aleppo.", ("MOBILIZE", set(), set())),
    ],
)
def test_codes_the_main_event(code, text, expected):
    event_type, sources, targets = expected
    found = summary(code(text))
    assert any(t == event_type and sources <= s and targets <= g for t, s, g in found), found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We are not looking for escalation of war, the minister said.", {"ASSAULT", "THREATEN"}),
        ("Rebels did not attack the convoy, the army said.", {"ASSAULT"}),
        ("Murder rates in the region are among the highest in the world.", {"ASSAULT"}),
        ("The two teams will battle for the trophy on Sunday.", {"ASSAULT"}),
        ("Negotiators struck a deal on Tuesday.", {"ASSAULT"}),
        # violence in words only
        ("The senator's campaign avoided personal attacks.", {"ASSAULT"}),
        # deaths in a crash or a collapse no one caused
        ("Three weeks after the flight crashed into the sea killing all 66 people on board, theories abound.",
         {"ASSAULT"}),
        ("The old bridge collapsed on Monday, killing nine people.", {"ASSAULT"}),
        # "carry out" is an attack only when what is carried out is one
        ("Having carried out a compulsory purchase of the house, Austria will invite architects.", {"ASSAULT"}),
        ("The ministry carried out a review of the budget.", {"ASSAULT"}),
        # acknowledging a fact or a danger is no diplomatic recognition
        ("Recent governments have recognized that Austrians were also perpetrators of Nazi crimes.", {"SUPPORT"}),
        ("The minister recognized the danger of a new war on Monday.", {"SUPPORT"}),
        # a rival beaten in a vote is defeated, not assaulted
        ("Kentucky Democrats beat incumbent Gov. Matt Bevin in a state Trump won by 30 points.", {"ASSAULT"}),
        ("Clinton beats Trump by 46 percent to 42 percent, according to the poll.", {"ASSAULT"}),
        ("Donald Trump narrowly beat Hillary Clinton in Wisconsin.", {"ASSAULT"}),
        ("Russia beat Croatia on Monday in the Davis Cup.", {"ASSAULT"}),
        ("Argentina got past Chile 3-0, with Guido Pella beating Nicolas Jarry 6-4, 6-3.", {"ASSAULT"}),
        # a proposal met with opposition was received, not met
        ("The Kenyan proposal has been met with opposition in Uganda.", {"CONSULT"}),
        ("The Ugandan decision was met with outrage by Kenyan officials.", {"CONSULT"}),
        # a fall is no refusal
        ("Japan's Nikkei 225 declined 0.3%, while South Korea's Kospi Index fell 0.5%.", {"REJECT"}),
        ("The Kenyan shilling declined by 2 per cent against the dollar on Monday.", {"REJECT"}),
        ("Support for the Kenyan president has declined slightly since March.", {"REJECT"}),
        # an act others wish for on a condition is no threat by the one who would act
        ("Most Americans want the Kenyan parliament to investigate the president if he broke the law.", {"THREATEN"}),
        # a demand is made of the party the subject names, not of one its modifiers mention
        ("The house's future use by the police should send a clear signal, the Austrian minister said.", {"REQUEST"}),
        ("Two Kenyan soldiers have been killed in a helicopter crash in Somalia, the army said.", {"ASSAULT"}),
        ("Three people were injured in the accident on the highway.", {"ASSAULT"}),
        ("An earthquake that killed ten people hit Nepal on Saturday.", {"ASSAULT"}),
        ("Travellers were stranded in Mongolia after an outbreak of plague killed a couple.", {"ASSAULT"}),
        ("The court struck down the law on Friday.", {"ASSAULT"}),
        ("The Kenyan minister died of natural causes, most likely a heart attack.", {"ASSAULT"}),
        ("The Kenyan opposition seized on the minister's claim on Friday.", {"COERCE"}),
        # a reporter's question is no request
        ("Asked about the attack, the Kenyan minister said it was under investigation.", {"REQUEST"}),
        ("When asked whether Kenya would send troops, the Kenyan president declined to answer.", {"REQUEST"}),
        # agreeing that something is so is a view, no commitment
        ("Only 52 percent of Kenyan voters agreed that the president is in good enough health to serve.", {"AGREE"}),
        ("The Kenyan housing officer agreed that there was a need to increase inspections.", {"AGREE"}),
        ("The Kenyan people do not agree with President Ruto, the senator said.", {"AGREE", "REJECT"}),
        # tax returns released are published, no one is freed
        ("The Kenyan president released his tax returns on Friday.", {"RETREAT"}),
        # talking about a topic with no one is no consultation
        ("The transcript shows that the Kenyan president talked about criminal justice reform.", {"CONSULT"}),
        # a demand on oneself is none
        ("The Kenyan president claims that he should be the exception.", {"REQUEST"}),
        # fighting to do something is striving for it, unless armed men or a state fight
        ("Kenyan Senator Amina Odhiambo has fought to push through land reforms.", {"ASSAULT"}),
        ("The Kenyan companies are fighting to protect their diminishing business.", {"ASSAULT"}),
        # a plot is intended, not carried out
        ("Militants plotted to blow up the bridge.", {"ASSAULT"}),
        # one man attacking is an assault, not a riot; nor is a handful counted one by one a crowd
        ("A man attacked two police officers with a knife.", {"PROTEST"}),
        ("In September, three people attacked a police station in Mombasa.", {"PROTEST"}),
        # deaths no one inflicted
        ("A ferry capsized off the coast last week, killing at least 40 people.", {"ASSAULT"}),
        ("The earthquake killed ten people in the province.", {"ASSAULT"}),
        # what a named organisation does, told in a present-tense relative clause, is no act
        ("The scheme is run by the British Council, which provides scholarships to Kenyan students.", {"AID"}),
        ("The Kenyan charity Nairobi Kitchen, which provides free meals to refugees, opened a school.", {"AID"}),
        # agreeing with nothing is sharing a view
        ("Sixty-two percent of Kenyan voters agreed.", {"AGREE"}),
        ("Amina Odhiambo, the Kenyan charity's psychologist in Mombasa, agrees.", {"AGREE"}),
        # struck by a road vehicle: an accident
        ("A woman died after being struck by a vehicle in Nairobi.", {"ASSAULT"}),
        ("A boy riding a scooter in Mombasa was hit by a car and killed.", {"ASSAULT"}),
        # what blows up by accident: gas, a boiler, a cylinder
        ("A gas explosion at a restaurant in Nairobi killed three people.", {"ASSAULT"}),
        ("Four workers were injured in a boiler blast at a factory in Mombasa.", {"ASSAULT"}),
        ("A gas cylinder exploded at a market in Kisumu, killing two.", {"ASSAULT"}),
        ("Residents protested after a gas leak killed eleven people in Nakuru.", {"ASSAULT"}),
        # an attack in words is a criticism
        ("The senator attacked the governor, saying he had broken his promise.", {"ASSAULT"}),
        ("Critics are right to attack and criticize the senator.", {"ASSAULT"}),
        # what only words can hit: remarks, an ideology, a record
        ("In a speech in Ohio, the Kenyan senator attacked the ideology of the ruling party.", {"ASSAULT"}),
        ("The Kenyan opposition leader attacked the minister's remarks on the budget.", {"ASSAULT"}),
        # a rally no one is named holding, for nothing and against no one, is a campaign event
        ("Two voters saw the Kenyan running mate speak at a recent rally.", {"PROTEST"}),
        ('"My best investment is my rallies," the Kenyan senator said.', {"PROTEST"}),
        # what is released in part is still what it is: footage is published, not freed
        ("The Kenyan police released only some of the video footage of the arrest.", {"RETREAT"}),
        # issue 11: a trigger in another sense, told by its object or modifier
        ("The ministry released a statement on the floods.", {"RETREAT"}),
        ("Analysts released updated estimates of the number of fighters.", {"RETREAT"}),
        ("The president offered prayers for the victims.", {"AGREE"}),
        ("The Kenyan minister offered some pointed advice to the Somali president.", {"AGREE"}),
        # counsel or news is no request; advising someone to act is one
        ("As state counsellor, the Kenyan minister advises President Ruto.", {"REQUEST"}),
        ("The Kenyan company advised that it expects a large charge.", {"REQUEST"}),
        # a tourist's visit is no state visit
        ("Erica and Jahnte Bates from Chicago were visiting the arch with their son Noah.", {"CONSULT"}),
        ("The Kenyan government offered a stark assessment of the economy.", {"AGREE"}),
        ("The candidate spoke at a campaign rally in Ohio.", {"PROTEST"}),
        ("She takes one step into the street and a bus hits her.", {"PROTEST"}),
        ("These notes demonstrate clearly why the Kenyan police saw no need for charges.", {"PROTEST"}),
        ("Kenyan army troops march in a parade marking Independence Day in Nairobi.", {"PROTEST"}),
        # a preposition that only dates the act makes no "call on" or "call for"
        ("When Kenyan reporters called the Somali embassy on Thursday, no one answered.", {"REQUEST"}),
        ("The Kenyan minister had called in sick for the previous three days.", {"REQUEST"}),
        ("A telephone conversation between the Kenyan and Somali ministers yielded no progress.", {"CONCEDE", "REJECT"}),
        ("The Kenyan president appears to be backing away from his campaign promises.", {"SUPPORT"}),
        ("The governor addressed supporters at his victory rally.", {"PROTEST"}),
        ("Gulf states worry about the perceived threat from Iran.", {"THREATEN"}),
        ("The report highlights the rising threat of extremism.", {"THREATEN"}),
        ("The air strike on the convoy killed nine soldiers.", {"PROTEST"}),
        # meeting a bar, a need or a requirement is meeting no one
        ("Only four NATO countries apart from Kenya meet the bar.", {"CONSULT"}),
        ("The Kenyan factory failed to meet the requirements of the Somali government.", {"CONSULT"}),
        # a danger is no threat made
        ("Kenya faces an unprecedented threat from the Somali militia.", {"THREATEN"}),
        # what something is taken for is no threat made ("used ... as a threat" is one)
        ("The Somali militia is considered a threat to Kenyan troops.", {"THREATEN"}),
        ('The Kenyan minister condemned the Somali test as "provocative and destabilizing" and a "grave threat" '
         "to Kenyan troops.", {"THREATEN"}),
        # a forecast is no threat
        ("Activists warn that recruitment is likely to rise.", {"THREATEN"}),
        ("Officials warned it has proven difficult to stop the flow.", {"THREATEN"}),
        # events in general are no event that took place
        ("Militants rarely claim responsibility for attacks.", {"ASSAULT"}),
        ("Extremists seldom claim responsibility for bombings.", {"ASSAULT"}),
        # a time to come is no stated intent
        ("Once Chile signs the treaty, its neighbours will follow.", {"AGREE"}),
        # a wish to harm is no threat
        ("The gunman said he wanted to kill police officers.", {"THREATEN"}),
        ("The French president took a call from the Libyan prime minister.", {"REQUEST"}),
        # talks held, a town held by rebels, someone held to account: no one in custody
        ("Kenyan and Ugandan officials held talks in Nairobi.", {"COERCE"}),
        ("Shops reopened in the rebel held al-Shaar district of Aleppo.", {"COERCE"}),
        ("Kenya will hold Uganda responsible for any attack.", {"COERCE"}),
        # responsibility for a duty is no blame
        ("The Kenyan minister said the Ugandan police were responsible for security at the stadium.", {"ACCUSE"}),
        # a greeting with chants meets no one
        ("The Virginia governor was greeted with chants at the rally.", {"CONSULT"}),
        # what a candidate captures in an election is no battle
        ("The Vermont senator captured two party caucuses in Utah and Idaho.", {"ASSAULT", "COERCE"}),
        # a call needs someone called: where it is made from or at is no party to it
        ("A Nigerian analyst, speaking by phone from Lagos, said the talks would fail.", {"CONSULT"}),
        ("The Kenyan minister made a phone call at the airport in Nairobi.", {"CONSULT"}),
        # issue 11: a country hosting forces or refugees hosts no visit
        ("Iraq hosts about 5,000 U.S. forces.", {"CONSULT"}),
        ("Turkey hosts three million Syrian refugees.", {"CONSULT"}),
        # what private parties do for each other is no political event
        ("A local company, Bethlehem Steel, provided the cables for an elevator that takes tourists up.", {"AID"}),
        # a fight without an enemy is no assault: a disease, a disaster, a social ill, tears
        ("The Kenyan government is fighting corruption in the police.", {"ASSAULT", "PROTEST"}),
        ("Greek sailors battled gale-force winds near Crete.", {"ASSAULT", "PROTEST"}),
        ("The Kenyan women fought back tears as they described their sons.", {"ASSAULT", "PROTEST"}),
        # a figure rounded up is no arrest
        ("The Kenyan budget figures were rounded up to the nearest shilling.", {"COERCE"}),
        # "set" is arson only when what it sets is fire
        ("The Nigerian government set a date for the talks.", {"ASSAULT", "PROTEST"}),
        ("The minister sent a letter to the troops.", {"MOBILIZE"}),
        # how someone feels or seems is a state, not an act
        ("Many Kurdish officials feel isolated and unfairly accused.", {"ACCUSE"}),
        ("The Nigerian minister seemed threatened by the question.", {"THREATEN"}),
    ],
)
def test_codes_no_false_event(code, text, absent):
    assert not {e.type for e in code(text) if e.happened} & absent


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Egypt will host talks between Israel and Hamas next week.", "CONSULT", "future"),
        ("The army threatened to bomb the rebel villages.", "ASSAULT", "threatened"),
        ("Syria said it would not accept more refugees.", "REJECT", "asserted"),
        # a retreat refused is a refusal to yield (CAMEO 124), not a retreat
        ("Trump has said that there is no chance he will step down.", "REJECT", "asserted"),
        ("Russia will not withdraw its forces from Syria, Putin said.", "REJECT", "asserted"),
        ("Ghana said it will provide aid to Mali.", "AGREE", "asserted"),
        ("Nigeria said it will withdraw its soldiers unless the rebels disarm.", "THREATEN", "asserted"),
        ("Militants plotted to blow up the bridge.", "ASSAULT", "intended"),
        ("Iran warned that it would retaliate against any attack.", "THREATEN", "asserted"),
        # a vow to riot is still a threat once the fight is read as a riot
        ("Kosovar villagers have sworn to fight until they regain their land.", "THREATEN", "asserted"),
    ],
)
def test_modality_recodes(code, text, event_type, modality):
    assert (event_type, modality) in {(e.type, e.modality) for e in code(text)}


def test_a_refused_retreat_is_no_retreat(code):
    events = code("Russia will not withdraw its forces from Syria, Putin said.")
    assert [e.cameo for e in events if e.type == "REJECT"] == ["124"]
    assert "RETREAT" not in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "event_type", "targets"),
    [
        ("The United States withdrew its troops from Syria.", "RETREAT", {"SYR"}),
        ("Turkey sent Turkish troops to Libya.", "MOBILIZE", {"LBY"}),
    ],
)
def test_own_forces_are_means_not_targets(code, text, event_type, targets):
    """The forces a source sends, withdraws or offers are not what it acts on."""
    found = [e for e in code(text) if e.type == event_type]
    assert found and {a.country for e in found for a in e.targets if a.country} == targets


def test_stated_demand_is_a_request(code):
    events = code("Russia said that Sudan must return the captured helicopter.")
    assert ("REQUEST", frozenset({"RUS"}), frozenset({"SDN"})) in summary(events)


def test_background_event_is_historical(code):
    events = code("Iraq lifted the curfew in Basra after the clashes between rival militias.")
    clashes = [e for e in events if e.trigger == "clashes"]
    assert clashes and clashes[0].modality == "historical"


def test_goldstein_and_cameo_come_with_the_type(code):
    event = next(e for e in code("Russian troops attacked Ukrainian positions.") if e.type == "ASSAULT")
    assert event.cameo.startswith(("18", "19", "20")) and event.goldstein <= -9.0


def test_quantities_attach_to_violent_events(code):
    event = next(e for e in code("Militants fired a dozen rockets at the Israeli town.") if e.type == "ASSAULT")
    assert ("weapons", 12) in {(q.kind, q.value) for q in event.quantities}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Youths and residents clashed in the market.", "PROTEST"),
        ("Rioters pelted stones at the police station.", "PROTEST"),
        ("Clashes erupted between villagers and residents of the next town.", "PROTEST"),
        ("Fighting broke out between rebels and the army near Goma.", "ASSAULT"),
        ("Hundreds of protesters demanded new elections.", "PROTEST"),
        ("Residents took to the streets to condemn the power cuts.", "PROTEST"),
        ("The two armies exchanged artillery fire across the border.", "ASSAULT"),
        ("Three rockets fell near the airport.", "ASSAULT"),
        ("Dozens of workers held a protest sit-in outside the factory.", "PROTEST"),
        ("A shoot-out took place in the market.", "ASSAULT"),
        ("Workers staged a sit-in outside the factory.", "PROTEST"),
        ("A soldier raped a woman in the village.", "ASSAULT"),
        ("Police were engaged in an exchange of fire with rebels.", "ASSAULT"),
        ("Troops targeted rebel positions with heavy artillery fire.", "ASSAULT"),
        ("Workers began a general strike in Lagos on Monday.", "PROTEST"),
        ("Teachers went on strike in the capital.", "PROTEST"),
        ("An air strike hit the convoy near the border.", "ASSAULT"),
        # arson: a riot when civilians set the fire, an attack when armed men do
        ("Angry Kenyan protesters set fire to a police station.", "PROTEST"),
        ("Rioters burned down the town hall in Lagos.", "PROTEST"),
        ("Suspected militants torched a school in Borno.", "ASSAULT"),
        # a crackdown is one even when no actor is named or coded
        ("It has become harder because nations are cracking down more.", "COERCE"),
        # two groups counted are still crowds
        ("Two mobs clashed with each other in Pratapgarh over a property dispute.", "PROTEST"),
    ],
)
def test_riots_protests_and_fighting(code, text, event_type):
    assert event_type in {e.type for e in code(text) if e.happened}


def test_adjective_in_an_event_noun_names_its_source(code):
    events = [event for event in code("Saudi-led coalition air raids hit the city of Marib.") if event.happened]
    assert {actor.country for event in events for actor in event.sources} == {"SAU"}


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("Protests were held outside the town hall.", "protesters", "CVL"),
        ("A mass demonstration took place in the square.", "protesters", "CVL"),
        ("A man was shot dead outside his house.", "unidentified attackers", "UAF"),
        # gunshot wounds on a body found are an attack by someone
        ("The body of a man with gunshot wounds was found by a road.", "unidentified attackers", "UAF"),
        # issue 11: what only the state does implies its agent
        ("Two journalists were arrested outside the town hall.", "police", "COP"),
        ("The three men were sentenced to death on Tuesday.", "a court", "JUD"),
        ("The opposition leader was charged with treason on Friday.", "prosecutors", "JUD"),
        ("Two reporters were deported on Friday.", "authorities", "GOV"),
        # a participle on the noun that undergoes the act: a reduced relative clause
        ("Most of those detained on Friday were students.", "police", "COP"),
    ],
)
def test_unnamed_source_is_implied(code, text, name, sector):
    sources = [actor for event in code(text) if event.happened for actor in event.sources]
    assert [(a.name, a.sector, a.kind, a.text) for a in sources] == [(name, sector, "implied", "")]


@pytest.mark.parametrize(
    "text",
    ["Eric Rudolph has already been charged in the Birmingham bombing.",
     "Two agents charged in the Lockerbie bombing were handed over."],
)
def test_charged_in_an_attack_is_an_accusation_by_the_state_not_by_the_bomb(code, text):
    (charge,) = [event for event in code(text) if event.type == "ACCUSE"]
    assert [(a.name, a.sector) for a in charge.sources] == [("prosecutors", "JUD")]
    assert any(event.type == "ASSAULT" and event.sources[0].sector == "UAF" for event in code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of students protested outside the ministry.",  # the source is named
        "Police will not allow protests in the capital.",           # no protest took place
        "Police arrested a man outside the bank.",                  # not a protest or an attack
    ],
)
def test_no_implied_source(code, text):
    assert not [a for event in code(text) for a in event.sources if a.kind == "implied"]


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Riot police raided the offices of the opposition party on Friday.", "COERCE", "seize"),
        ("Police blocked the road to the opposition leader's house.", "COERCE", "restrict"),
        ("Farmers blocked the main highway with tractors.", "PROTEST", "obstruct"),
        ("Rebels raided an army base near the border.", "ASSAULT", None),
    ],
)
def test_raids_and_blockades_by_state_security_are_coercion(code, text, event_type, mode):
    assert (event_type, mode) in {(e.type, e.mode) for e in code(text) if e.happened}


@pytest.mark.parametrize(
    ("text", "event_type", "target_sector"),
    [
        ("Eleven soldiers received prison terms for desertion.", "SANCTION", "MIL"),
        ("Two police officers were given life sentences on Monday.", "SANCTION", "COP"),
        ("A Nigerian army convoy came under attack near Maiduguri.", "ASSAULT", "MIL"),
    ],
)
def test_the_subject_of_a_receiving_verb_undergoes_the_event(code, text, event_type, target_sector):
    events = [e for e in code(text) if e.type == event_type and e.happened]
    assert events and target_sector in {a.sector for a in events[0].targets}
    assert target_sector not in {a.sector for a in events[0].sources}


@pytest.mark.parametrize("text", ["Hezbollah vowed revenge for the killing of its commander.",
                                  "The militia swore vengeance against the army.",
                                  # a vow to do harm is a threat, as "threatened to" is
                                  "Somali militants vowed to attack Kenyan towns.",
                                  "The Syrian rebels have sworn to shell the airport."])
def test_a_vow_of_revenge_is_a_threat(code, text):
    assert "THREATEN" in {e.type for e in code(text)}


def test_withdrawn_troops_still_retreat(code):
    events = summary(code("Russia withdrew its troops from Georgia."))
    assert any(t == "RETREAT" for t, _, _ in events), events
    assert not any(t == "SANCTION" for t, _, _ in events), events


def test_a_place_that_seats_an_organisation_is_no_target(code):
    # the place of a protest stands for its target, but a protest in Brussels is not one against the EU
    found = summary(code("Thousands protested in Brussels against the treaty."))
    assert found and all("IGO" not in targets for _, _, targets in found), found


@pytest.mark.parametrize("text", [
    "Kenyan police fired tear gas at protesters in Nairobi.",
    "Lebanese soldiers used water cannon against demonstrators in Beirut.",
    "Israeli forces fired rubber bullets at Palestinian fishermen in their boats off Gaza.",
])
def test_crowd_control_weapons_are_violent_repression(code, text: str) -> None:
    """PLOVER ASSAULT "crowd-control": tear gas, water cannon, rubber bullets (CAMEO 175)."""
    event = next(e for e in code(text) if e.type == "ASSAULT")
    assert (event.cameo, event.mode, event.happened) == ("175", "crowd-control", True)


def test_crowd_control_needs_such_a_weapon(code) -> None:
    """Using anything else, or firing artillery, is no crowd control."""
    assert not [e for e in code("Kenyan police used the new radios in Nairobi.") if e.type == "ASSAULT"]
    assert {e.cameo for e in code("Syrian troops fired artillery shells at the village.")} == {"190"}


@pytest.mark.parametrize("text", [
    "Apple released iOS 17 in Cupertino last week.",
    "Kenyan President Uhuru Kenyatta released his tax returns on Friday.",
    "The Chinese authorities released a white paper on religion.",
    "Dropbox is also releasing a new selective sync feature for business customers.",
])
def test_release_of_a_thing_frees_no_one(code, text: str) -> None:
    """CAMEO 084 frees people or what was held; a product, a paper or tax returns are issued."""
    assert not [e for e in code(text) if e.cameo == "084"]


@pytest.mark.parametrize("text", [
    "Turkey released the American pastor Andrew Brunson on Friday.",
    "Boko Haram freed 82 of the girls in Borno.",
    "Iran released the British tanker Stena Impero in September.",
    "The Houthi rebels released the crew in Yemen.",
    "Iran freed them on Friday.",
    "The Nigerian army released 20 on Monday.",
])
def test_release_of_people_or_craft(code, text: str) -> None:
    assert [e for e in code(text) if e.cameo == "084" and e.happened]


def test_strike_of_stated_length_is_a_stoppage_still_ahead(code) -> None:
    """ "A planned 48-hour strike" is a work stoppage (PROTEST 143), not an air strike, and a
    planned one lies ahead even after "days before" (no background event)."""
    events = code("Flights to London were cut days before a planned 48-hour strike at British airports.")
    strikes = [e for e in events if e.trigger == "strike"]
    assert [(e.type, e.cameo, e.happened) for e in strikes] == [("PROTEST", "143", False)]
    worked = [e for e in code("British teachers began a 24-hour strike in London on Monday.") if e.trigger == "strike"]
    assert [(e.type, e.happened) for e in worked] == [("PROTEST", True)]


@pytest.mark.parametrize("text", [
    "A Kenyan police official who asked not to be named said the bomb was large.",
    "The Afghan official, who requested anonymity, said the talks had stalled.",
    "An Iraqi aide asked not to be identified because he was not authorized to speak.",
])
def test_anonymity_is_no_request(code, text: str) -> None:
    assert not [e for e in code(text) if e.type == "REQUEST"]


def test_request_with_a_negated_infinitive_stays(code) -> None:
    assert [e.type for e in code("Iran asked the UN not to renew the embargo.") if e.happened] == ["REQUEST"]


def test_possessive_strikers_make_a_stoppage(code) -> None:
    """ "The teachers' strike" is a work stoppage, as "a teachers strike" is; "Israel's strike" an attack."""
    assert [e.type for e in code("The Kenyan teachers' strike entered its third week in Nairobi.")
            if e.trigger == "strike"] == ["PROTEST"]
    assert [e.type for e in code("Israel's strike on the convoy in Syria killed five.")
            if e.trigger == "strike"] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Kenyan police declined to comment on the lawsuit.",
    "A spokesman for the Iraqi ministry refused to elaborate.",
    "Iran declined to say whether it would attend the talks.",
])
def test_no_comment_is_no_rejection(code, text: str) -> None:
    """CAMEO 011 "decline comment" is a statement PLOVER does not code, not REJECT."""
    assert not [e for e in code(text) if e.type == "REJECT"]


def test_refusals_of_a_demand_stay_rejections(code) -> None:
    assert [e.type for e in code("Israel refused to discuss a truce with Hamas.") if e.happened] == ["REJECT"]
    assert [e.type for e in code("The Kenyan minister declined the invitation to the summit.")] == ["REJECT"]


@pytest.mark.parametrize("text", [
    "Washington will take action against countries that violate the rights of their citizens.",
    "Obama told groups who support the Iran nuclear deal to keep up the pressure.",
    "I am not in the habit of supporting people who attack my wife.",
])
def test_present_relative_clause_on_a_bare_plural_is_habitual(code, text: str) -> None:
    """What a kind of actor does ("countries that violate ...") is no act that took place."""
    events = code(text)
    assert not [e for e in events if e.trigger in ("violate", "support", "attack") and e.happened]


def test_relative_clause_on_counted_actors_is_an_act(code) -> None:
    events = code("Kenyan police arrested two men who attack tourists in Mombasa.")
    assert [e for e in events if e.type == "ASSAULT" and e.happened]


def test_talking_to_the_press_is_no_consultation(code) -> None:
    assert not [e for e in code("The Iraqi prime minister talked to reporters in Baghdad on Monday.")
                if e.type == "CONSULT"]
    assert [e.type for e in code("The Kenyan president talked with the Ugandan president about trade.")] == ["CONSULT"]


@pytest.mark.parametrize(("text", "trigger", "happened"), [
    ("Security is tight in Kabul before Sunday's talks between the Taliban and the Afghan government.", "talks", False),
    ("Zimbabwean police are on alert ahead of protests by teachers in Harare.", "protests", False),
    ("Kenyan police arrested him in Nairobi before the protest on Friday.", "protest", True),
])
def test_before_a_present_clause_lies_ahead(code, text: str, trigger: str, happened: bool) -> None:
    """What a present or future clause is "before" or "ahead of" has not happened yet; what a
    past one is before has."""
    events = [e for e in code(text) if e.trigger == trigger]
    assert events and all(e.happened == happened for e in events)


def test_a_long_chain_of_counts_is_read_without_recursion(code) -> None:
    """A malformed object ("released some of some of ... of the documents") is read to a bounded
    depth (where "some" may be people), not recursed through until Python gives up."""
    text = "Kenyan police released " + "some of " * 600 + "the documents in Nairobi."
    releases = [e for e in code(text) if e.cameo == "084"]
    assert [[a.country for a in e.sources] for e in releases] == [["KEN"]]
