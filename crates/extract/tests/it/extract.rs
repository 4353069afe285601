use dossier_extract::{fixture, render, Extractor};
use dossier_text::Component;
use expect_test::{expect, Expect};

/// Builds a document from inline gold markup, runs the extractor and
/// renders its three layers.
fn check(marked: &str, expect: Expect) {
    let mut doc = fixture::document(marked).unwrap();
    Extractor::new().process(&mut doc);
    expect.assert_eq(&render::all(&doc));
}

#[test]
fn quote_then_said_name_with_apposition_and_scope() {
    check(
        "“[Kabul]{GPE#3} is ruled by thieves who answer to foreign masters,” said [Jamaat Nusrat al-Islam]{ORG#1} ([JNIM]{ORG#1}), an affiliate of the militant group [al Qaeda]{ORG#2} active in [Mali]{GPE#4} and [Burkina Faso]{GPE#5} as [it]{ORG#1} warned that [it]{ORG#1} would keep fighting against [the junta]{ORG#6}.",
        expect![[r#"
            relations:
            Jamaat Nusrat al-Islam affiliate_of al Qaeda
            Jamaat Nusrat al-Islam operates_in Mali
            Jamaat Nusrat al-Islam operates_in Burkina Faso
            events:
            130 Jamaat Nusrat al-Islam -> the junta asserted 'warned'
            190 Jamaat Nusrat al-Islam -> the junta claimed 'fighting' by Jamaat Nusrat al-Islam
            claims:
            Jamaat Nusrat al-Islam: 'Kabul is ruled by thieves who answer to foreign masters' direct
            Jamaat Nusrat al-Islam: 'it would keep fighting against the junta'
        "#]],
    );
}

#[test]
fn asserted_that_with_medium_magazine() {
    check(
        "[Al-Shabaab]{ORG#1} claimed that [Somalia]{GPE#2} is ruled by a cabinet that obeys [Washington]{GPE#3} in [its]{ORG#1} weekly newsletter named “[Hamasa]{WORK#4}”.",
        expect![[r#"
            relations:
            Al-Shabaab publishes Hamasa
            events:
            claims:
            Al-Shabaab: 'Somalia is ruled by a cabinet that obeys Washington'
        "#]],
    );
}

#[test]
fn visit_claimed_inside_reported_speech() {
    check(
        "[It]{ORG#1} further stated that Gen. [Hassan Kariye]{PERSON#2}, head of the [Somali army]{ORG#3}, had visited [Ankara]{GPE#4} to receive orders.",
        expect![[r#"
            relations:
            Hassan Kariye leader_of Somali army by It
            events:
            042 Hassan Kariye -> Ankara claimed 'visited' by It
            claims:
            It: 'Gen. Hassan Kariye, head of the Somali army, had visited Ankara to receive orders'
        "#]],
    );
}

#[test]
fn outfit_said_after_quote_resolves_to_last_speaker() {
    check(
        "[ISWAP]{ORG#1} said [Nigeria]{GPE#2} had lost the war. “This proves that the generals in [Abuja]{GPE#3} serve only themselves,” the outfit said.",
        expect![[r#"
            relations:
            events:
            claims:
            ISWAP: 'Nigeria had lost the war'
            ISWAP: 'This proves that the generals in Abuja serve only themselves' direct
        "#]],
    );
}

#[test]
fn passive_by_agent_and_relative_rivalry() {
    check(
        "[The Houthis]{ORG#1} have been branded “puppets” of [Tehran]{GPE#2} by [the Islah party]{ORG#3}, which is engaged in a power struggle with [the Houthis]{ORG#1}.",
        expect![[r#"
            relations:
            the Islah party rival_of The Houthis
            events:
            111 the Islah party -> The Houthis asserted 'branded'
            claims:
        "#]],
    );
}

#[test]
fn threat_with_issued_warning_and_participle_claim() {
    check(
        "[Boko Haram]{ORG#1} has issued a warning that [it]{ORG#1} would continue to attack [the Nigerian government]{ORG#2}, claiming that [it]{ORG#1} answers to nobody.",
        expect![[r#"
            relations:
            events:
            130 Boko Haram -> the Nigerian government asserted 'issued a warning'
            180 Boko Haram -> the Nigerian government claimed 'attack' by Boko Haram
            claims:
            Boko Haram: 'it would continue to attack the Nigerian government'
            Boko Haram: 'it answers to nobody'
        "#]],
    );
}

#[test]
fn suicide_bombing_claimed_with_place_and_time() {
    check(
        "[The Pakistani Taliban]{ORG#1} claimed responsibility for a suicide bombing in [Peshawar]{GPE#2} on [Monday]{DATE=2024-03-04} that killed 12 policemen.",
        expect![[r#"
            relations:
            events:
            015 The Pakistani Taliban -> - asserted 'claimed responsibility' in Peshawar @2024-03-04
            183 The Pakistani Taliban -> - asserted 'suicide bombing' in Peshawar @2024-03-04
            180 - -> COP asserted 'killed' @2024-03-04
            claims:
        "#]],
    );
}

#[test]
fn arrest_and_denial() {
    check(
        "[Turkish police]{ORG#1} arrested [Mehmet Yilmaz]{PERSON#2}, a member of [the PKK]{ORG#3}, in [Istanbul]{GPE#4}. [The PKK]{ORG#3} denied that [Yilmaz]{PERSON#2} had ever joined [it]{ORG#3}.",
        expect![[r#"
            relations:
            Mehmet Yilmaz member_of The PKK
            events:
            173 Turkish police -> Mehmet Yilmaz asserted 'arrested' in Istanbul
            claims:
            The PKK: 'Yilmaz had ever joined it' denied
        "#]],
    );
}

#[test]
fn according_to_and_clause_final_said() {
    check(
        "According to [Reuters]{ORG#1}, [Russian]{NORP#2} jets struck a market in [Idlib]{GPE#3}. Nine civilians were killed, [the White Helmets]{ORG#4} said.",
        expect![[r#"
            relations:
            events:
            195 Russian -> - claimed 'struck' by Reuters in Idlib
            180 - -> CVL claimed 'killed' by the White Helmets
            claims:
            Reuters: 'Russian jets struck a market in Idlib'
            the White Helmets: 'Nine civilians were killed'
        "#]],
    );
}

#[test]
fn air_strike_noun_and_title_compound() {
    check(
        "[Hamas]{ORG#1} spokesman [Abu Obeida]{PERSON#2} said an [Israeli]{GPE#3} air strike on [Rafah]{GPE#4} killed six people. [Hamas]{ORG#1} is backed by [Iran]{GPE#5}.",
        expect![[r#"
            relations:
            Abu Obeida spokesperson_of Hamas
            Iran supports Hamas
            events:
            195 Israeli -> Rafah claimed 'air strike' by Abu Obeida
            claims:
            Abu Obeida: 'an Israeli air strike on Rafah killed six people'
        "#]],
    );
}

#[test]
fn operations_list_and_publication_agency() {
    check(
        "[It]{ORG#1} has conducted operations in [Iraq]{GPE#2}, [Syria]{GPE#3}, and [Libya]{GPE#4}, and claimed the attack through [its]{ORG#1} [Amaq]{ORG#5} news agency.",
        expect![[r#"
            relations:
            It operates_in Iraq
            It operates_in Syria
            It operates_in Libya
            It publishes Amaq
            events:
            015 It -> - asserted 'claimed'
            180 It -> - asserted 'attack'
            claims:
            -: 'It has conducted operations in Iraq, Syria, and Libya' via Amaq
        "#]],
    );
}

#[test]
fn negated_and_future_modalities() {
    check(
        "[India]{GPE#1} did not attack [Pakistan]{GPE#2}. [Pakistan]{GPE#2} will host [China]{GPE#3} next month.",
        expect![[r#"
            relations:
            events:
            180 India -> Pakistan negated 'attack'
            043 Pakistan -> China future 'host'
            claims:
        "#]],
    );
}

#[test]
fn name_calling_in_a_quote_is_the_speakers_criticism() {
    // The passive "by" agent names another group than the speaker of the
    // quote; the quote's epithet is the speaker's own criticism.
    check(
        "[Somalia]{GPE#1} has been called corrupt by [the Islamic State]{ORG#2}. “[Somalia]{GPE#1} is a cancer for the faithful and is governed at the behest of [Turkey]{GPE#3},” said [Harakat al-Shabaab]{ORG#4} ([HSM]{ORG#4}), a rival of [the Islamic State]{ORG#2}. “[Mogadishu]{GPE#5} is not a puppet,” said [Hassan Sheikh]{PERSON#6}.",
        expect![[r#"
            relations:
            Harakat al-Shabaab rival_of the Islamic State
            events:
            111 Harakat al-Shabaab -> Somalia asserted 'cancer'
            111 the Islamic State -> Somalia asserted 'called'
            claims:
            Harakat al-Shabaab: 'Somalia is a cancer for the faithful and is governed at the behest of Turkey' direct
            Hassan Sheikh: 'Mogadishu is not a puppet' direct
        "#]],
    );
}

#[test]
fn seed_like_article_gives_relations_events_and_claims() {
    // An article of our own built like the seed: a quote with an inverted
    // "said X, an affiliate of Y active in A and B", a magazine's
    // assertions, a claimed visit, "the outfit said", a rivalry in a
    // relative clause and a list of countries of operation.
    check(
        "“[Somalia]{GPE#1} is a cancer for the faithful and is governed at the behest of [Turkey]{GPE#2},” said [Harakat al-Shabaab]{ORG#3} ([HSM]{ORG#3}), an affiliate of the militant group [al Qaeda]{ORG#4} active in [East Africa]{LOC#5} as [it]{ORG#3} warned that [it]{ORG#3} will keep fighting [the country]{GPE#1}. [HSM]{ORG#3} asserted that [Somalia]{GPE#1} obeys [Ankara]{GPE#2} in [its]{ORG#3} weekly newsletter named “[Al-Kataib]{WORK#6}”. [It]{ORG#3} further stated that General [Odowaa Yusuf]{PERSON#7}, head of the [Somali army]{ORG#8}, had visited [Turkey]{GPE#2} to take orders. “This shows that the politicians of [Mogadishu]{GPE#9} follow foreign instructions,” the outfit said. [The Somali government]{ORG#10} has been called “apostates” by [HSM]{ORG#3}, which is engaged in a power struggle with [the Islamic State in Somalia]{ORG#11}. [It]{ORG#3} has conducted operations in [Somalia]{GPE#1}, [Kenya]{GPE#12}, and [Ethiopia]{GPE#13}.",
        expect![[r#"
            relations:
            Harakat al-Shabaab affiliate_of al Qaeda
            Harakat al-Shabaab operates_in East Africa
            Harakat al-Shabaab publishes Al-Kataib
            Odowaa Yusuf leader_of Somali army by Harakat al-Shabaab
            Harakat al-Shabaab rival_of the Islamic State in Somalia
            Harakat al-Shabaab operates_in Somalia
            Harakat al-Shabaab operates_in Kenya
            Harakat al-Shabaab operates_in Ethiopia
            events:
            130 Harakat al-Shabaab -> Somalia asserted 'warned'
            190 Harakat al-Shabaab -> Somalia claimed 'fighting' by Harakat al-Shabaab
            042 Odowaa Yusuf -> Turkey claimed 'visited' by Harakat al-Shabaab
            111 Harakat al-Shabaab -> Somalia asserted 'cancer'
            111 Harakat al-Shabaab -> The Somali government asserted 'called'
            claims:
            Harakat al-Shabaab: 'Somalia is a cancer for the faithful and is governed at the behest of Turkey' direct
            Harakat al-Shabaab: 'it will keep fighting the country'
            Harakat al-Shabaab: 'Somalia obeys Ankara'
            Harakat al-Shabaab: 'General Odowaa Yusuf, head of the Somali army, had visited Turkey to take orders'
            Harakat al-Shabaab: 'This shows that the politicians of Mogadishu follow foreign instructions' direct
        "#]],
    );
}

#[test]
fn places_compounds_and_reduced_relatives() {
    check(
        "[Kismayo]{GPE#1}, a port city in [Jubaland]{GPE#2}, is held by [the Ras Kamboni Brigade]{ORG#3}, an [Ethiopia]{GPE#4}-backed militia led by [Ahmed Madobe]{PERSON#5}. [Madobe]{PERSON#5}'s son [Abdirahman Madobe]{PERSON#6} commands [its]{ORG#3} guards. [The brigade]{ORG#3} is part of [the Jubaland Security Forces]{ORG#7}, which controls [Gedo]{GPE#8}.",
        expect![[r#"
            relations:
            Kismayo located_in Jubaland
            The brigade controls Kismayo
            Ethiopia supports The brigade
            Ahmed Madobe leader_of The brigade
            Abdirahman Madobe family_of Ahmed Madobe
            The brigade part_of the Jubaland Security Forces
            the Jubaland Security Forces controls Gedo
            events:
            claims:
        "#]],
    );
}

/// A verb's object is its own: the scan for a target stops at a
/// subordinate clause ("until", "unless"), so a name inside it is not hit.
#[test]
fn target_is_not_taken_from_a_subordinate_clause() {
    check(
        "“Our fighters will keep attacking the army until [Sharia]{MISC#3} law rules [Somalia]{GPE#2},” said [al-Shabaab]{ORG#1}.",
        expect![[r#"
            relations:
            events:
            180 - -> MIL claimed 'attacking' by al-Shabaab
            claims:
            al-Shabaab: 'Our fighters will keep attacking the army until Sharia law rules Somalia' direct
        "#]],
    );
    check(
        "[Russia]{GPE#1} will strike [Ukraine]{GPE#2} unless [Kyiv]{GPE#3} withdraws.",
        expect![[r#"
            relations:
            events:
            190 Russia -> Ukraine future 'strike'
            087 Kyiv -> - asserted 'withdraws'
            claims:
        "#]],
    );
}

/// "“...,” the minister said": the speaker is the minister named before,
/// found by the title, not dropped for want of a name after the quote.
#[test]
fn definite_title_after_quote_names_the_minister() {
    check(
        "Interior Minister [Hassan Omari]{PERSON#1} flew to [Herat]{GPE#2} on Sunday. “Nobody who planted these mines will escape the courts,” the minister said in a statement.",
        expect![[r#"
            relations:
            events:
            042 Hassan Omari -> Herat asserted 'flew to'
            claims:
            Hassan Omari: 'Nobody who planted these mines will escape the courts' direct
        "#]],
    );
}

/// "a police spokesman said": an unnamed speaker has no entity, never the
/// nearest name.
#[test]
fn unnamed_speaker_is_not_the_nearest_name() {
    check(
        "[Hassan Omari]{PERSON#1} arrived in [Herat]{GPE#2} on Sunday. A police spokesman said three guards were wounded at the gate.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'three guards were wounded at the gate'
        "#]],
    );
    check(
        "[Hassan Omari]{PERSON#1} arrived in [Herat]{GPE#2}. “The gate was hit twice before dawn,” a police spokesman said.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'The gate was hit twice before dawn' direct
        "#]],
    );
    check(
        "[Hassan Omari]{PERSON#1} arrived in [Herat]{GPE#2} on Sunday. The market was shut for a week, residents said.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'The market was shut for a week'
        "#]],
    );
}

/// A lead ending "according to a statement released by its propaganda
/// arm" is the group's claim, not the claim of the parent named in its
/// apposition.
#[test]
fn dateline_lead_according_to_its_propaganda_arm_is_the_subjects_claim() {
    check(
        "[Katiba Macina]{ORG#1}, a branch of [JNIM]{ORG#2}, killed 14 soldiers near [Djibo]{GPE#3} on Friday, according to a statement released by its propaganda arm.",
        expect![[r#"
            relations:
            Katiba Macina affiliate_of JNIM by Katiba Macina
            events:
            180 Katiba Macina -> MIL claimed 'killed' by Katiba Macina in Djibo
            claims:
            Katiba Macina: 'Katiba Macina, a branch of JNIM, killed 14 soldiers near Djibo on Friday'
        "#]],
    );
}

/// "according to a provincial official": no name, so no speaker, even
/// after a spokesman's quote.
#[test]
fn according_to_an_unnamed_official_has_no_speaker() {
    check(
        "“We will strike again,” said [Omar Farooq]{PERSON#1}, a spokesman for [the Front]{ORG#2}. Police detained four men in [Mardan]{GPE#3} on Tuesday, according to a provincial official.",
        expect![[r#"
            relations:
            Omar Farooq spokesperson_of the Front
            events:
            173 COP -> - claimed 'detained' in Mardan
            claims:
            Omar Farooq: 'We will strike again' direct
            -: 'Police detained four men in Mardan on Tuesday'
        "#]],
    );
}

/// A quote over two sentences is one claim; a quote that a paragraph
/// leaves open and the next one continues is one claim too, of the
/// speaker either part names.
#[test]
fn quote_over_sentences_and_paragraphs_keeps_its_speaker() {
    check(
        "“The wells are dry. The cattle are dying,” said [Amina Yusuf]{PERSON#1}, a farmer.",
        expect![[r#"
            relations:
            events:
            claims:
            Amina Yusuf: 'The wells are dry. The cattle are dying' direct
        "#]],
    );
    check(
        "[Amina Yusuf]{PERSON#1} said: “The wells went dry in March.\n\n“Since then we walk four hours for water,” she added.",
        expect![[r#"
            relations:
            events:
            claims:
            Amina Yusuf: 'The wells went dry in March.

            “Since then we walk four hours for water' direct
        "#]],
    );
}

/// Wire copy writes quotes as ``...''.
#[test]
fn wire_quote_marks_are_quotes() {
    check(
        "``We will not sign anything under fire,'' said [Omar Farooq]{PERSON#1}.",
        expect![[r#"
            relations:
            events:
            claims:
            Omar Farooq: 'We will not sign anything under fire' direct
        "#]],
    );
}

/// `"A," she said. "B."`: the second quote opens the next sentence and
/// keeps the speaker.
#[test]
fn quote_after_attributed_quote_keeps_the_speaker() {
    check(
        "“The road is open,” [Amina Yusuf]{PERSON#1} said on Monday. “The trucks can pass now.”",
        expect![[r#"
            relations:
            events:
            claims:
            Amina Yusuf: 'The road is open' direct
            Amina Yusuf: 'The trucks can pass now' direct
        "#]],
    );
}

/// Organisations speak: "Human Rights Watch said ...".
#[test]
fn organisation_as_speaker() {
    check(
        "[Amnesty International]{ORG#1} said soldiers shot at least nine marchers in [Bamako]{GPE#2}.",
        expect![[r#"
            relations:
            events:
            193 MIL -> OPP claimed 'shot' by Amnesty International in Bamako
            claims:
            Amnesty International: 'soldiers shot at least nine marchers in Bamako'
        "#]],
    );
}

/// "said [Friday] that ...": a date between the verb and "that" does not
/// start the content.
#[test]
fn date_between_reporting_verb_and_that() {
    check(
        "[Amina Yusuf]{PERSON#1} said [Friday]{DATE=2024-03-08} that the wells had been poisoned.",
        expect![[r#"
            relations:
            events:
            claims:
            Amina Yusuf: 'the wells had been poisoned'
        "#]],
    );
}

/// `She said the raid was “a disgrace,” state radio reported`: the quoted
/// phrase is part of her reported clause, which stops before the tail
/// source; the tail makes no second claim.
#[test]
fn quoted_phrase_inside_reported_clause_and_tail_source() {
    check(
        "[Amina Yusuf]{PERSON#1} said the night raid was “a disgrace for the whole province,” state radio reported.",
        expect![[r#"
            relations:
            events:
            claims:
            Amina Yusuf: 'the night raid was “a disgrace for the whole province'
        "#]],
    );
}

/// "acknowledged" reports speech too.
#[test]
fn acknowledged_reports_speech() {
    check(
        "[Amina Yusuf]{PERSON#1} acknowledged that she had met the smugglers twice.",
        expect![[r#"
            relations:
            events:
            040 Amina Yusuf -> CRM claimed 'met' by Amina Yusuf
            claims:
            Amina Yusuf: 'she had met the smugglers twice'
        "#]],
    );
}

/// All-caps wire copy (MUC-4) says "SAID" in capitals and wraps its lines:
/// the reporting verb still counts and the content runs over the break.
#[test]
fn all_caps_wire_copy_reports_speech_over_wrapped_lines() {
    check(
        "[OMAR FAROOQ]{PERSON#1}, THE MAYOR OF [TALA]{GPE#2}, SAID THAT THE ARMY HAD CLOSED THE ROAD TO THE\nMARKET FOR THREE DAYS. THE TOWN HAS HAD NO BREAD SINCE THE FIGHTING BEGAN AND THE\nCLINIC HAS RUN OUT OF MEDICINE FOR THE CHILDREN WHO FELL ILL IN THE COLD WEEK.",
        expect![[r#"
            relations:
            OMAR FAROOQ leader_of TALA
            events:
            claims:
            OMAR FAROOQ: 'THE ARMY HAD CLOSED THE ROAD TO THE
            MARKET FOR THREE DAYS'
        "#]],
    );
}

/// Titles as news writes them: "UN Secretary General X", "X, a professor
/// at Y", "Iran's foreign minister X", "Foreign Minister X of Iran".
#[test]
fn relations_from_titles_as_news_writes_them() {
    check(
        "[UN]{ORG#1} Secretary General [Kofi Annan]{PERSON#2} flew in. [Walter Rowe]{PERSON#3}, a professor at [George Washington University]{ORG#4}, spoke. [Iran]{GPE#5}'s foreign minister [Kamal Kharazi]{PERSON#6} left. Foreign Minister [Jan Kavan]{PERSON#7} of [the Czech Republic]{GPE#8} signed.",
        expect![[r#"
            relations:
            Kofi Annan leader_of UN
            Walter Rowe member_of George Washington University
            Kamal Kharazi member_of Iran
            Jan Kavan member_of the Czech Republic
            events:
            057 Jan Kavan -> - asserted 'signed'
            claims:
        "#]],
    );
}

/// "Sanaa, Yemen" is containment when the knowledge base knows Yemen as a
/// country and Sanaa as a town in it; a list of countries is not, and "the
/// city of X, Y" does not turn round.
#[test]
fn city_comma_country_is_located_in() {
    use dossier_text::Geo;
    let mut doc = fixture::document(
        "Strikes hit [Sanaa]{GPE#1}, [Yemen]{GPE#2}, and [Aden]{GPE#3}. Envoys from [Iraq]{GPE#4}, [Syria]{GPE#5} and [Libya]{GPE#6} met in the city of [Independence]{GPE#7}, [Missouri]{GPE#8}.",
    )
    .unwrap();
    let geo = |level: &str, country: &str| Geo {
        lat: 0.0,
        lon: 0.0,
        country: Some(country.to_string()),
        geonames_id: None,
        level: level.to_string(),
        within: None,
    };
    let places = [
        ("city", "YE"),
        ("country", "YE"),
        ("city", "YE"),
        ("country", "IQ"),
        ("country", "SY"),
        ("country", "LY"),
        ("city", "US"),
        ("admin1", "US"),
    ];
    for (e, (level, country)) in doc.entities.iter_mut().zip(places) {
        e.geo = Some(geo(level, country));
    }
    Extractor::new().process(&mut doc);
    expect![[r#"
        Sanaa located_in Yemen
        Independence located_in Missouri
    "#]]
    .assert_eq(&render::relations(&doc));
}

/// The Peshawar example's threat "He warned that the group would target
/// police stations" gave the spokesman's own group as the target: the
/// subject of a threat's complement is the threatening side.
#[test]
fn threat_complement_subject_is_not_the_target() {
    check(
        "[The Front]{ORG#1} spokesman [Omar Farooq]{PERSON#2} spoke on Monday. [He]{PERSON#2} warned that [the group]{ORG#1} would target army posts across the valley.",
        expect![[r#"
            relations:
            Omar Farooq spokesperson_of The Front
            events:
            130 Omar Farooq -> MIL asserted 'warned'
            claims:
            Omar Farooq: 'the group would target army posts across the valley'
        "#]],
    );
}

/// The Peshawar example gave "Police arrested three suspects ..., according
/// to a provincial official" to the Taliban spokesman quoted before it.
#[test]
fn according_to_an_official_is_not_the_previous_speaker() {
    check(
        "“Our men will strike again,” [The Front]{ORG#1} spokesman [Omar Farooq]{PERSON#2} said in a statement. Police detained two men in [Mardan]{GPE#3} on Tuesday, according to a district official.",
        expect![[r#"
            relations:
            Omar Farooq spokesperson_of The Front
            events:
            173 COP -> - claimed 'detained' in Mardan
            claims:
            Omar Farooq: 'Our men will strike again' direct
            -: 'Police detained two men in Mardan on Tuesday'
        "#]],
    );
}

#[test]
fn a_court_is_an_unnamed_judicial_actor() {
    check(
        "A [Pakistani]{NORP#1} court sentenced the former minister [Ali Raza]{PERSON#2} to seven years in prison on Monday.",
        expect![[r#"
            relations:
            events:
            116 JUD(Pakistani) -> Ali Raza asserted 'sentenced'
            claims:
        "#]],
    );
}

#[test]
fn unnamed_police_and_students_are_typed_actors_with_a_nationality() {
    check(
        "[Peruvian]{NORP#1} police arrested twelve students in [Lima]{GPE#2} on Tuesday.",
        expect![[r#"
            relations:
            events:
            173 COP(Peruvian) -> EDU asserted 'arrested' in Lima
            claims:
        "#]],
    );
}

#[test]
fn named_group_owns_its_guerrillas_and_the_army_is_a_target() {
    check(
        "[FMLN]{ORG#1} guerrillas attacked an army post near [San Miguel]{GPE#2} last night.",
        expect![[r#"
            relations:
            events:
            180 FMLN -> MIL asserted 'attacked' in San Miguel
            claims:
        "#]],
    );
}

#[test]
fn soldiers_fired_on_protesters() {
    check(
        "Soldiers fired at protesters in [Khartoum]{GPE#1} on Sunday, witnesses said.",
        expect![[r#"
            relations:
            events:
            190 MIL -> OPP claimed 'fired at' in Khartoum
            claims:
            -: 'Soldiers fired at protesters in Khartoum on Sunday'
        "#]],
    );
}

#[test]
fn police_chief_is_a_title_not_an_actor() {
    check(
        "Police chief [Ahmed Salah]{PERSON#1} said that gunmen killed two villagers near [Kandahar]{GPE#2}.",
        expect![[r#"
            relations:
            events:
            180 REB -> CVL claimed 'killed' by Ahmed Salah in Kandahar
            claims:
            Ahmed Salah: 'gunmen killed two villagers near Kandahar'
        "#]],
    );
}

#[test]
fn passive_kidnapping_by_rebels_of_journalists() {
    check(
        "Two journalists were kidnapped by rebels in [Mindanao]{LOC#1} on Friday.",
        expect![[r#"
            relations:
            events:
            181 REB -> MED asserted 'kidnapped' in Mindanao
            claims:
        "#]],
    );
}

#[test]
fn riot_police_fired_tear_gas_at_marching_students() {
    check(
        "Riot police fired tear gas at students in [Nairobi]{GPE#1} on Monday.",
        expect![[r#"
            relations:
            events:
            175 COP -> EDU asserted 'fired tear gas' in Nairobi
            claims:
        "#]],
    );
}

#[test]
fn extradition_by_a_state_of_a_named_man() {
    check(
        "[Colombia]{GPE#1} extradited [Carlos Lehder]{PERSON#2} to [the United States]{GPE#3} in February.",
        expect![[r#"
            relations:
            events:
            174 Colombia -> Carlos Lehder asserted 'extradited'
            claims:
        "#]],
    );
}

#[test]
fn nominal_killing_of_a_named_target() {
    check(
        "[The Shining Path]{ORG#1} carried out the killing of [Jorge Salas]{PERSON#2} near [Ayacucho]{GPE#3}.",
        expect![[r#"
            relations:
            events:
            180 The Shining Path -> Jorge Salas asserted 'killing' in Ayacucho
            claims:
        "#]],
    );
}

#[test]
fn clause_final_source_with_an_addressee_after_the_verb() {
    check(
        "The ceasefire will hold until the election, [Ruto]{PERSON#1} told [Citizen TV]{ORG#2} on [Friday]{DATE=2024-05-03}.",
        expect![[r#"
            relations:
            events:
            claims:
            Ruto: 'The ceasefire will hold until the election'
        "#]],
    );
}

#[test]
fn said_then_a_day_then_a_bare_clause() {
    check(
        "[Tanzanian]{NORP#1} police said on [Tuesday]{DATE=1998-08-11} they had arrested 14 foreigners.",
        expect![[r#"
            relations:
            events:
            173 Tanzanian -> - claimed 'arrested' by Tanzanian @1998-08-11
            claims:
            Tanzanian: 'they had arrested 14 foreigners'
        "#]],
    );
}

#[test]
fn pronoun_speaker_is_the_subject_before_not_the_nearest_name() {
    check(
        "[Amina Yusuf]{PERSON#1} met [Bola Tinubu]{PERSON#2} in [Abuja]{GPE#3} on Monday. “The talks went well and we will meet again,” she said.",
        expect![[r#"
            relations:
            events:
            040 Amina Yusuf -> Bola Tinubu asserted 'met' in Abuja
            claims:
            Amina Yusuf: 'The talks went well and we will meet again' direct
        "#]],
    );
}

#[test]
fn surname_alone_names_the_person_named_before() {
    check(
        "[Tomas Herrera]{PERSON#1} arrived in [Quito]{GPE#2} on Monday. Herrera said the border would stay open.",
        expect![[r#"
            relations:
            events:
            claims:
            Tomas Herrera: 'the border would stay open'
        "#]],
    );
}

#[test]
fn he_added_after_an_unnamed_official_stays_unnamed() {
    check(
        "The talks in [Geneva]{GPE#1} ended with no deal, an official from the [United Nations]{ORG#2} said on Wednesday. He added that a new round would start in May.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'The talks in Geneva ended with no deal'
            -: 'a new round would start in May'
        "#]],
    );
}

#[test]
fn short_quote_then_said_and_the_name() {
    check(
        "“Security is tight,” said [Ana Ruiz]{PERSON#1}, a spokeswoman for the festival.",
        expect![[r#"
            relations:
            events:
            claims:
            Ana Ruiz: 'Security is tight' direct
        "#]],
    );
}

#[test]
fn parenthetical_source_before_what_was_said() {
    check(
        "That, the source said, was when [Sununu]{PERSON#1} started calling lawmakers.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'was when Sununu started calling lawmakers'
        "#]],
    );
}

#[test]
fn dateline_is_not_part_of_what_was_said() {
    check(
        "WELLINGTON, [New Zealand]{GPE#1} (AP) _ The strikes were lawful, [New Zealand]{GPE#1} said [Friday]{DATE=1998-08-21}.",
        expect![[r#"
            relations:
            events:
            claims:
            New Zealand: 'The strikes were lawful'
        "#]],
    );
}

#[test]
fn description_with_a_name_inside_is_an_unnamed_speaker() {
    check(
        "A [State Department]{ORG#1} duty officer said she had no information on a threat to the boy.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'she had no information on a threat to the boy'
        "#]],
    );
}

#[test]
fn all_caps_two_part_surname_after_a_clipped_name() {
    check(
        "PERUVIAN AMBASSADOR [MARIO CASTRO]{PERSON#1} ASKED THE PRESIDENT TO SEND PLANES TO EVACUATE THE EMBASSY STAFF. CASTRO ARENAS SAID THAT THE EMBASSY WAS SURROUNDED BY A MOB.",
        expect![[r#"
            relations:
            events:
            claims:
            MARIO CASTRO: 'THE EMBASSY WAS SURROUNDED BY A MOB'
        "#]],
    );
}

#[test]
fn office_between_nationality_and_name() {
    check(
        "[Kenyan]{NORP#1} Trade Minister [Joseph Kamotho]{PERSON#2} visited the site with [Chilean]{NORP#3} President [Gabriel Boric]{PERSON#4}.",
        expect![[r#"
            relations:
            Joseph Kamotho member_of Kenyan
            Gabriel Boric leader_of Chilean
            events:
            042 Joseph Kamotho -> Gabriel Boric asserted 'visited'
            claims:
        "#]],
    );
}

#[test]
fn nationality_before_a_plain_description_is_citizenship() {
    check(
        "Police in [Manila]{GPE#1} arrested [Saudi]{NORP#2} preacher [Hamad al-Qasim]{PERSON#3} and several [Cuban]{NORP#4} doctors by [Jose Marti]{PERSON#5} hospital.",
        expect![[r#"
            relations:
            Hamad al-Qasim citizen_of Saudi
            events:
            173 COP -> Saudi asserted 'arrested'
            claims:
        "#]],
    );
}

#[test]
fn former_office_is_not_held_now() {
    check(
        "Former [Ecuadoran]{NORP#1} President [Leon Febres Cordero]{PERSON#2} marched in [Guayaquil]{GPE#3}.",
        expect![[r#"
            relations:
            events:
            141 Leon Febres Cordero -> - asserted 'marched' in Guayaquil
            claims:
        "#]],
    );
}

#[test]
fn country_possessive_capital_then_city() {
    check(
        "Police fired tear gas in [Nigeria]{GPE#1}'s commercial capital [Lagos]{GPE#2} on Monday.",
        expect![[r#"
            relations:
            Lagos located_in Nigeria
            events:
            175 COP -> Lagos asserted 'fired tear gas' in Nigeria
            claims:
        "#]],
    );
}

#[test]
fn quote_that_ends_its_sentence_is_not_said_by_the_next_clause() {
    check(
        "“This is an investigation on many fronts,” said [Louis Freeh]{PERSON#1}. “We have gathered evidence in [Nairobi]{GPE#2}.” He said he could not confirm a link to [Kabul]{GPE#3}.",
        expect![[r#"
            relations:
            events:
            claims:
            Louis Freeh: 'This is an investigation on many fronts' direct
            Louis Freeh: 'We have gathered evidence in Nairobi' direct
            Louis Freeh: 'he could not confirm a link to Kabul'
        "#]],
    );
}

#[test]
fn said_then_a_subordinate_clause() {
    check(
        "However, [Freeh]{PERSON#1} said although investigators had made progress in [Dar es Salaam]{GPE#2}, more work was needed.",
        expect![[r#"
            relations:
            events:
            claims:
            Freeh: 'although investigators had made progress in Dar es Salaam, more work was needed'
        "#]],
    );
}

#[test]
fn recorded_interview_turns_are_direct_claims() {
    check(
        "FOREIGN MINISTER [ANA LUCIA PINEDA]{PERSON#1} SPOKE TO REPORTERS IN [TEGUCIGALPA]{GPE#2}.\n\n[BEGIN RECORDING] [PINEDA] WE HAVE RECEIVED NO REQUEST. THE BORDER REMAINS OPEN. [REPORTER] WILL YOU CLOSE IT? [PINEDA] NO, NOT THIS WEEK. [END RECORDING]",
        expect![[r#"
            relations:
            events:
            claims:
            ANA LUCIA PINEDA: 'WE HAVE RECEIVED NO REQUEST. THE BORDER REMAINS OPEN' direct
            ANA LUCIA PINEDA: 'NO, NOT THIS WEEK' direct
        "#]],
    );
}

#[test]
fn common_head_makes_a_clause_final_description_unnamed() {
    check(
        "The minister will resign on Monday, [White House]{ORG#1} and [Republican]{NORP#2} sources said.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'The minister will resign on Monday'
        "#]],
    );
}

#[test]
fn town_in_a_region_and_an_embassy_in_a_city() {
    check(
        "Gunmen killed the mayor of [Achi]{GPE#1}, in the northern department of [Bolivar]{GPE#2}, and attacked the [Peruvian Embassy]{ORG#3} in [Panama City]{GPE#4}.",
        expect![[r#"
            relations:
            Achi located_in Bolivar
            Peruvian Embassy based_in Panama City
            events:
            180 REB -> - asserted 'killed'
            claims:
        "#]],
    );
}

#[test]
fn citizens_of_a_state_in_a_list() {
    check(
        "The group is holding [U.S.]{GPE#1} citizens [David Kent]{PERSON#2} and [James Donelly]{PERSON#3} in the mountains.",
        expect![[r#"
            relations:
            David Kent citizen_of U.S.
            James Donelly citizen_of U.S.
            events:
            claims:
        "#]],
    );
}

/// A name before a victim's noun is the victim, not the killer: "Rabin's
/// murder", "the Castellar kidnapping".
#[test]
fn possessive_before_murder_is_the_victim() {
    check(
        "[Yasmin Okafor]{PERSON#1}'s murder shocked [Lagos]{GPE#2}. The [Castellar]{PERSON#3} kidnapping was blamed on [the ELN]{ORG#4}.",
        expect![[r#"
            relations:
            events:
            186 - -> Yasmin Okafor asserted 'murder'
            181 - -> Castellar asserted 'kidnapping'
            112 - -> Castellar asserted 'blamed'
            claims:
        "#]],
    );
}

/// A place before a bombing is where it happened ("the Kenya bombing"); a
/// state before an attack still leads it ("a Russian attack on Kharkiv").
#[test]
fn place_before_bombing_is_no_bomber() {
    check(
        "Two suspects in the [Kenya]{GPE#1} bombing were handed over to [the United States]{GPE#2}. A [Russian]{NORP#3} attack on [Kharkiv]{GPE#4} followed.",
        expect![[r#"
            relations:
            events:
            180 Russian -> Kharkiv asserted 'attack'
            claims:
        "#]],
    );
}

/// Each name of a listed target is a target: "A, B and C were killed",
/// "abducted A and B"; a possessor after a comma opens an apposition.
#[test]
fn every_listed_victim_is_a_target() {
    check(
        "Priests [Tomas Ruiz]{PERSON#1}, [Ana Beltran]{PERSON#2} and [Luis Ocampo]{PERSON#3} were killed in [Cali]{GPE#4} on Friday. [Boko Haram]{ORG#5} abducted [Musa Bello]{PERSON#6} and [Grace Danjuma]{PERSON#7} near [Maiduguri]{GPE#8}. [Tunde Bakare]{PERSON#9} accused [Chad]{GPE#10}, [Nigeria]{GPE#11}'s neighbour, of sheltering [them]{ORG#5}.",
        expect![[r#"
            relations:
            events:
            180 - -> Ana Beltran asserted 'killed' in Cali
            180 - -> Luis Ocampo asserted 'killed' in Cali
            180 - -> Tomas Ruiz asserted 'killed' in Cali
            181 Boko Haram -> Grace Danjuma asserted 'abducted' in Maiduguri
            181 Boko Haram -> Musa Bello asserted 'abducted' in Maiduguri
            112 Tunde Bakare -> Chad asserted 'accused'
            claims:
        "#]],
    );
}

/// "Kenyan police" tagged as a name is still unnamed police of Kenya; a
/// state's government stays the name it was tagged as.
#[test]
fn nationality_and_police_tagged_as_a_name_is_an_unnamed_actor() {
    check(
        "[Kenyan police]{ORG#1} arrested [Omar Said]{PERSON#2} in [Mombasa]{GPE#3}, a [Kenyan]{NORP#4} port. [The Somali government]{ORG#5} condemned [al-Shabaab]{ORG#6}.",
        expect![[r#"
            relations:
            events:
            173 COP(Kenyan) -> Omar Said asserted 'arrested' in Mombasa
            111 The Somali government -> al-Shabaab asserted 'condemned'
            claims:
        "#]],
    );
}

/// The agent of a nominal event may follow its victim's apposition: "the
/// assassination of X, a minister, by suspected guerrillas".
#[test]
fn agent_after_the_victims_apposition() {
    check(
        "[Rafael Ortiz]{PERSON#1} condemned the assassination of [Marta Quispe]{PERSON#2}, a mayor, by suspected [Shining Path]{ORG#3} militants in [Ayacucho]{GPE#4}.",
        expect![[r#"
            relations:
            events:
            111 Rafael Ortiz -> - asserted 'condemned' in Ayacucho
            186 Shining Path -> Marta Quispe asserted 'assassination' in Ayacucho
            claims:
        "#]],
    );
}

/// A pronoun that stands for "Ugandan police" tagged as a name acts as
/// that unnamed actor too.
#[test]
fn pronoun_for_police_tagged_as_a_name_is_the_unnamed_actor() {
    check(
        "[Ugandan police]{ORG#1} said on Monday that [they]{ORG#1} had detained [Kizza Besigye]{PERSON#2} in [Kampala]{GPE#3}, the [Ugandan]{NORP#4} capital.",
        expect![[r#"
            relations:
            events:
            173 COP(Ugandan) -> Kizza Besigye asserted 'detained' in Kampala
            claims:
        "#]],
    );
}

/// Lexicon: "fired on", "ratified", "deplored", "exhorted", nominal
/// threats and investigations; a site before a noun event is where it
/// happened ("the Tahrir Square investigation"), not who did it.
#[test]
fn fired_on_ratified_deplored_threats_and_investigations() {
    check(
        "[Zimbabwean]{NORP#1} soldiers fired on protesters in [Harare]{GPE#2}. [Hungary]{GPE#3} ratified the treaty with [NATO]{ORG#4}. [South Africa]{GPE#5} deplored the threats against [Julius Malema]{PERSON#6}. [Egypt]{GPE#7} exhorted [its]{GPE#7} citizens to vote. The [Tahrir Square]{LOC#8} investigation stalled.",
        expect![[r#"
            relations:
            events:
            190 MIL(Zimbabwean) -> OPP asserted 'fired on' in Harare
            057 Hungary -> NATO asserted 'ratified'
            111 South Africa -> Julius Malema asserted 'deplored'
            130 - -> Julius Malema asserted 'threats'
            020 Egypt -> - asserted 'exhorted'
            claims:
        "#]],
    );
}

/// "X, recently arrested in Colombia, ...": a reduced passive after a
/// person's name makes the person the target; "X, a senator, criticised
/// the plan" stays active.
#[test]
fn reduced_passive_after_a_name() {
    check(
        "[Carlos Lehder]{PERSON#1}, recently arrested in [Medellin]{GPE#2}, faces trial in [Miami]{GPE#3}. Senator [Piedad Cordoba]{PERSON#4}, a critic, criticised the [Colombian]{NORP#5} army.",
        expect![[r#"
            relations:
            events:
            173 - -> Carlos Lehder asserted 'arrested' in Medellin
            111 Piedad Cordoba -> MIL(Colombian) asserted 'criticised'
            claims:
        "#]],
    );
}

/// "On Tuesday, UNICEF director X": the comma closes a fronted phrase, so
/// the title names the person after it; in "X, a Kenyan engineer" the
/// apposition names the person before.
#[test]
fn title_after_a_fronted_phrase_names_the_person_after_it() {
    check(
        "On Tuesday, [UNICEF]{ORG#1} director [Maria Lindqvist]{PERSON#2} arrived in [Juba]{GPE#3}. In [Brussels]{GPE#4}, [NATO]{ORG#5} spokeswoman [Oana Lungescu]{PERSON#6} said the talks would go on.",
        expect![[r#"
            relations:
            Maria Lindqvist leader_of UNICEF
            Oana Lungescu spokesperson_of NATO
            events:
            claims:
            Oana Lungescu: 'the talks would go on'
        "#]],
    );
}

/// "leader of El Salvador's civilian left": the role holds in a thing the
/// text does not name, so the possessor is no object; a place keeps its
/// possessor ("a port city on Libya's coast" is in Libya).
#[test]
fn possessor_before_an_unnamed_thing_is_no_object() {
    check(
        "[Rafael Ortiz]{PERSON#1}, leader of [Peru]{GPE#2}'s civilian left, flew to [Quito]{GPE#3}. [Tomas Berg]{PERSON#4}, chief of the [Danish]{NORP#5} foreign ministry cabinet, resigned. [Sfax]{GPE#6}, a port city on [Tunisia]{GPE#7}'s eastern coast, was calm.",
        expect![[r#"
            relations:
            Sfax located_in Tunisia
            events:
            042 Rafael Ortiz -> Quito asserted 'flew to'
            claims:
        "#]],
    );
}

/// "the Lagos suburb of Ikeja" puts Ikeja in Lagos; "the Belen
/// neighborhood of the city of Medellin" puts Belen in Medellin.
#[test]
fn place_noun_of_a_name_puts_it_in_the_place_named_before() {
    check(
        "The raid took place in the [Lagos]{GPE#1} suburb of [Ikeja]{GPE#2}. A bomb went off in the [Belen]{GPE#3} neighborhood of the city of [Medellin]{GPE#4}.",
        expect![[r#"
            relations:
            Ikeja located_in Lagos
            Belen located_in Medellin
            events:
            claims:
        "#]],
    );
}

/// "Ana Ruiz, of the Andes Relief Fund, said": a comma may stand between
/// a person and the group after "of".
#[test]
fn person_comma_of_a_group_is_its_member() {
    check(
        "“The roads are closed,” said [Ana Ruiz]{PERSON#1}, of the [Andes Relief Fund]{ORG#2}, on Monday.",
        expect![[r#"
            relations:
            Ana Ruiz member_of Andes Relief Fund
            events:
            claims:
            Ana Ruiz: 'The roads are closed' direct
        "#]],
    );
}

/// "the Chadian, Idriss Mahamat," and "Karim Haddad, a Lebanese engineer
/// who": a nationality in an apposition; "X, a Pakistani official" is an
/// office, left to the role rules.
#[test]
fn nationality_in_an_apposition_is_citizenship() {
    check(
        "Police freed the [Chadian]{NORP#1}, [Idriss Mahamat]{PERSON#2}, on Friday. The bomb was built by [Karim Haddad]{PERSON#3}, a [Lebanese]{NORP#4} engineer who lived in [Sidon]{GPE#5}. [Imran Qureshi]{PERSON#6}, a [Pakistani]{NORP#7} official, arrived on Monday.",
        expect![[r#"
            relations:
            Idriss Mahamat citizen_of Chadian
            Karim Haddad citizen_of Lebanese
            Imran Qureshi member_of Pakistani
            events:
            084 COP -> Chadian asserted 'freed'
            claims:
        "#]],
    );
}

/// "White House spokesman X": an institution typed by its building has a
/// spokesman; "a lawyer for the White House secretary, Y" advises Y.
#[test]
fn institution_typed_as_a_building_has_members() {
    check(
        "[White House]{FAC#1} spokesman [Dan Ortega]{PERSON#2} declined to comment. The note was written by [Paul Dunn]{PERSON#3}, a lawyer for the [White House]{FAC#1} secretary, [Irene Volk]{PERSON#4}; she did not reply.",
        expect![[r#"
            relations:
            Dan Ortega spokesperson_of White House
            Paul Dunn advisor_of Irene Volk
            Irene Volk member_of White House
            events:
            claims:
        "#]],
    );
}

/// "Tanzanian capital Dar es Salaam": a place lies in the country its
/// nationality names; "White House Chief of Staff X" is on its staff.
#[test]
fn nationality_before_a_place_noun_gives_the_country() {
    check(
        "After touring [Tanzanian]{NORP#1} capital [Dodoma]{GPE#2} on Thursday, the envoy left for [Tanzania]{GPE#3}'s coast. [Bush]{PERSON#4} informed [White House]{FAC#5} Chief of Staff [Ann Pyle]{PERSON#6} that he would stay.",
        expect![[r#"
            relations:
            Ann Pyle member_of White House
            events:
            claims:
        "#]],
    );
}

/// "U.S. Ambassador to Chile X": the post's place stands between the
/// nationality and the name, and X is a member of the sending state; "the
/// foreign ministers X of Latvia and Y of Estonia": each item of the list
/// the office introduces is a member of its state.
#[test]
fn ambassador_to_a_place_and_a_list_of_ministers() {
    check(
        "[U.S.]{GPE#1} Ambassador to [Chile]{GPE#2} [Mara Quint]{PERSON#3} met the foreign ministers [Edgars Lapsa]{PERSON#4} of [Latvia]{GPE#5} and [Kaja Reinsalu]{PERSON#6} of [Estonia]{GPE#7} in [Riga]{GPE#8}.",
        expect![[r#"
            relations:
            Mara Quint member_of U.S.
            Edgars Lapsa member_of Latvia
            Kaja Reinsalu member_of Estonia
            events:
            040 Mara Quint -> Edgars Lapsa asserted 'met' in Riga
            claims:
        "#]],
    );
}

/// "Lena Okafor, VOA News." signs a report off; "VOA West Africa
/// correspondent X" works for VOA, posted in West Africa.
#[test]
fn reporter_sign_off_and_post_before_the_title() {
    check(
        "[VOA]{ORG#1} [East Africa]{LOC#2} correspondent [Lena Okafor]{PERSON#3} reports from [Nairobi]{GPE#4}. Voters queued for hours. [Tom Ruiz]{PERSON#5}, [BBC]{ORG#6} News.",
        expect![[r#"
            relations:
            Lena Okafor member_of VOA
            Tom Ruiz member_of BBC
            events:
            claims:
        "#]],
    );
}

/// "X, a former adviser to Y" holds the post no more; "the Nordic envoys
/// she met" are a group, and "she" no name a nationality could title.
#[test]
fn former_post_and_plural_role_give_no_relation() {
    check(
        "Police sought [Hugo Tello]{PERSON#1}, a former adviser to [Sara Vidal]{PERSON#2}. [Ellen Marsh]{PERSON#3} thanked the [Nordic]{NORP#4} envoys she met in [Oslo]{GPE#5}.",
        expect![[r#"
            relations:
            events:
            040 Ellen Marsh -> - asserted 'met' in Oslo
            claims:
        "#]],
    );
}

/// "their lawyer, X": a pronoun that coreference tied to a place gives no
/// relation ("the three men from Mardan ... their lawyer").
#[test]
fn pronoun_tied_to_a_place_owns_no_role() {
    check(
        "Three men from [Mardan]{GPE#1} were charged. All three denied it, [their]{GPE#1} lawyer, [Omar Gul]{PERSON#2}, said.",
        expect![[r#"
            relations:
            events:
            claims:
            Omar Gul: 'All three denied it'
        "#]],
    );
}

#[test]
fn coordinated_sources_each_act() {
    check(
        "[Kenya]{GPE#1} and [Uganda]{GPE#2} condemned [al-Shabaab]{ORG#3} on [Monday]{DATE=2025-03-03} after the raid on a border post near [Mandera]{GPE#4}.",
        expect![[r#"
            relations:
            events:
            111 Uganda -> al-Shabaab asserted 'condemned' in Mandera @2025-03-03
            111 Kenya -> al-Shabaab asserted 'condemned' in Mandera @2025-03-03
            claims:
        "#]],
    );
}

#[test]
fn about_to_sign_is_an_event() {
    check(
        "[Armenia]{GPE#1} is about to sign a peace treaty with [Azerbaijan]{GPE#2}, officials in [Yerevan]{GPE#3} said.",
        expect![[r#"
            relations:
            events:
            057 Armenia -> Azerbaijan claimed 'sign'
            claims:
            -: 'Armenia is about to sign a peace treaty with Azerbaijan'
        "#]],
    );
}

/// Wire copy that opens quotes with '' as well as closing them: `''A,''
/// he said. ''B.''` is two quotes, both his.
#[test]
fn doubled_apostrophes_open_quotes_too() {
    check(
        "In Cusco, the mayor, [Rosa Mamani]{PERSON#1}, denied that she would resign. ''I was elected by this town,'' she said. ''I am staying.''",
        expect![[r#"
            relations:
            events:
            claims:
            Rosa Mamani: 'she would resign' denied
            Rosa Mamani: 'I was elected by this town' direct
            Rosa Mamani: 'I am staying' direct
        "#]],
    );
}

/// A quote that ends its paragraph is not attributed to the reporting
/// verb that opens the next one.
#[test]
fn quote_ending_a_paragraph_keeps_its_own_speaker() {
    check(
        "``The outbreak is under control,'' said [Mary Wanjiru]{PERSON#1}, the county's director of health. ``We have sent three medical teams.''\n\nThe ministry said in a statement that it had asked for vaccines.",
        expect![[r#"
            relations:
            events:
            claims:
            Mary Wanjiru: 'The outbreak is under control' direct
            Mary Wanjiru: 'We have sent three medical teams' direct
            -: 'it had asked for vaccines'
        "#]],
    );
}

/// "Kenya's health ministry said": a body that a place's name only
/// modifies is an unnamed speaker, not the place, also right after a
/// dateline.
#[test]
fn possessive_place_with_a_body_is_no_speaker() {
    check(
        "NAIROBI, [Kenya]{GPE#1} (AP) _ [Kenya]{GPE#1}'s health ministry said that 30 people had died of cholera.",
        expect![[r#"
            relations:
            events:
            claims:
            -: '30 people had died of cholera'
        "#]],
    );
    check(
        "[Nigeria]{GPE#1}'s electoral commission said on [Monday]{DATE=2024-03-04} that it had registered 84 million voters.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'it had registered 84 million voters'
        "#]],
    );
}

/// "X said ..., according to a statement posted on its website": the
/// phrase names X's channel; X's claim is the only one.
#[test]
fn according_to_after_a_reporting_clause_adds_no_claim() {
    check(
        "[The United Nations]{ORG#1} welcomed the vote. [The Electoral Commission]{ORG#2} said it had registered 84 million voters, according to a statement posted on [its]{ORG#2} website.",
        expect![[r#"
            relations:
            events:
            043 The United Nations -> - asserted 'welcomed'
            claims:
            The Electoral Commission: 'it had registered 84 million voters'
        "#]],
    );
}

/// "..., the spokesman said": the person last named as spokesman, not a
/// name that happens to stand right before the description.
#[test]
fn the_spokesman_is_the_person_named_spokesman() {
    check(
        "Foreign Ministry spokesman [Zhu Bangzao]{PERSON#1} spoke in [Beijing]{GPE#2} on Tuesday. The premier will meet French President [Jacques Chirac]{PERSON#3} in [Paris]{GPE#4}, the spokesman said.",
        expect![[r#"
            relations:
            events:
            040 - -> Jacques Chirac claimed 'meet' by Zhu Bangzao in Paris
            claims:
            Zhu Bangzao: 'The premier will meet French President Jacques Chirac in Paris'
        "#]],
    );
}

/// "the colonel said", tagged as a name of its own: the person last named
/// with that title, in mixed case and in all-caps wire copy.
#[test]
fn a_title_mention_is_the_person_named_with_it() {
    check(
        "Colonel [Rene Ponce]{PERSON#1} flew to [San Miguel]{GPE#2} on Monday. “We have the situation under control,” [the colonel]{PERSON#3} said.",
        expect![[r#"
            relations:
            events:
            042 Rene Ponce -> San Miguel asserted 'flew to'
            claims:
            Rene Ponce: 'We have the situation under control' direct
        "#]],
    );
    check(
        "COLONEL [RENE EMILIO PONCE]{PERSON#1} FLEW TO [SAN MIGUEL]{GPE#2} ON MONDAY AFTER THE REBELS ATTACKED THE ARMY BARRACKS THERE. \"WE HAVE THE SITUATION UNDER CONTROL,\" THE [COLONEL]{ORG#3} SAID.",
        expect![[r#"
            relations:
            events:
            042 RENE EMILIO PONCE -> SAN MIGUEL asserted 'FLEW TO'
            180 REB -> MIL asserted 'ATTACKED'
            claims:
            RENE EMILIO PONCE: 'WE HAVE THE SITUATION UNDER CONTROL' direct
        "#]],
    );
}

/// "X was quoted as saying": X speaks; "Y quoted X as saying": X, not Y;
/// "quoted a ministry official as saying": no name.
#[test]
fn quoted_as_saying_gives_the_one_quoted() {
    check(
        "[Boris Yeltsin]{PERSON#1} was quoted as saying that [Russia]{GPE#2} would not allow [Washington]{GPE#3} to act alone.",
        expect![[r#"
            relations:
            events:
            claims:
            Boris Yeltsin: 'Russia would not allow Washington to act alone'
        "#]],
    );
    check(
        "[The Interfax news agency]{ORG#1} quoted [Yevgeny Primakov]{PERSON#2} as saying that a diplomatic solution was still possible.",
        expect![[r#"
            relations:
            events:
            claims:
            Yevgeny Primakov: 'a diplomatic solution was still possible'
        "#]],
    );
    check(
        "[The Interfax news agency]{ORG#1} quoted a defence ministry official as saying that [Russia]{GPE#2} had no plans to send warships.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'Russia had no plans to send warships'
        "#]],
    );
}

/// An all-caps wire story's dateline without an agency ("VINA DEL MAR
/// --") and an editor's label ("[TEXT]") do not hide that "COLOMBIAN
/// POLICE SOURCES" is a description with no name.
#[test]
fn description_after_a_dateline_and_an_editors_label() {
    check(
        "BOGOTA, 14 MAR 90 (EFE) -- [TEXT] [COLOMBIAN]{NORP#1} POLICE SOURCES HAVE REPORTED THAT URBAN GUERRILLAS BOMBED AN OIL PIPELINE NEAR [BARRANCABERMEJA]{GPE#2} LAST NIGHT, CAUSING A FIRE THAT BURNED FOR HOURS.",
        expect![[r#"
            relations:
            events:
            183 REB -> - claimed 'BOMBED' in BARRANCABERMEJA
            claims:
            -: 'URBAN GUERRILLAS BOMBED AN OIL PIPELINE NEAR BARRANCABERMEJA LAST NIGHT, CAUSING A FIRE THAT BURNED FOR HOURS'
        "#]],
    );
    check(
        "[Cartagena]{GPE#1} -- [Colombian]{NORP#2} police sources have reported that urban guerrillas bombed an oil pipeline near [Barrancabermeja]{GPE#3} last night.",
        expect![[r#"
            relations:
            events:
            183 REB -> - claimed 'bombed' in Barrancabermeja
            claims:
            -: 'urban guerrillas bombed an oil pipeline near Barrancabermeja last night'
        "#]],
    );
}

/// "He said" after a lead with a dateline: the subject of the lead, not
/// the place of the dateline nor the last name in the sentence.
#[test]
fn pronoun_after_a_dateline_lead_is_its_subject() {
    check(
        "KARACHI, [Pakistan]{GPE#1} (AP) _ Prime Minister [Nawaz Sharif]{PERSON#2} met opposition leader [Benazir Bhutto]{PERSON#3} in [Islamabad]{GPE#4} on Monday. He said the talks had been frank and useful.",
        expect![[r#"
            relations:
            events:
            040 Nawaz Sharif -> Benazir Bhutto asserted 'met' in Islamabad
            claims:
            Nawaz Sharif: 'the talks had been frank and useful'
        "#]],
    );
}

/// "told reporters he would ...": the clause after the addressee is what
/// was said, with no "that"; "told to leave" and "told X to leave" are no
/// claims.
#[test]
fn told_addressee_then_clause() {
    check(
        "Two passengers told [The Associated Press]{ORG#1} they had seen a man leave a bag under a seat. [Ahmed Raza]{PERSON#2} told reporters he would not resign.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'they had seen a man leave a bag under a seat'
            Ahmed Raza: 'he would not resign'
        "#]],
    );
    check(
        "Drivers were told to leave the area. [Ahmed Raza]{PERSON#1} told the guards to open the gate.",
        expect![[r#"
            relations:
            events:
            claims:
        "#]],
    );
}

/// `“A,” said X. “B.\n\n“C.”`: the quote after the attribution runs on
/// into the next paragraph and is one claim; the first is its own.
#[test]
fn quote_continued_after_its_attribution_is_one_claim() {
    check(
        "“The situation is desperate,” said [Andrej Mahecic]{PERSON#1}, a spokesman for the agency. “Families are sleeping in the open. Many children have lost their parents.\n\n“We need access to the area now.”\n\nThe ministry rejected the figures.",
        expect![[r#"
            relations:
            events:
            claims:
            Andrej Mahecic: 'The situation is desperate' direct
            Andrej Mahecic: 'Families are sleeping in the open. Many children have lost their parents.

            “We need access to the area now' direct
        "#]],
    );
}

/// "She said" after a sentence whose subject is a surname tagged as a
/// group of its own: the person named in full before, not the last
/// speaker of another sentence.
#[test]
fn pronoun_takes_the_full_person_of_a_lone_surname_subject() {
    check(
        "[Margalit Hadar]{PERSON#1}, 22, took the stand on Friday. [Yosef Levy]{PERSON#2} said the trial would last a month. [Hadar]{ORG#3} described the gunman as a liar. She said she had never believed his threats.",
        expect![[r#"
            relations:
            events:
            130 Yosef Levy -> - claimed 'threats' by Margalit Hadar
            claims:
            Yosef Levy: 'the trial would last a month'
            Margalit Hadar: 'she had never believed his threats'
        "#]],
    );
}

/// "the FBI chief said": the person named as the head of that body, under
/// another word for head and a long title ("Director of the Federal Bureau
/// of Investigation (FBI) X"); "the army commander said" with no commander
/// named is no one, and not the army.
#[test]
fn the_head_of_a_body_is_the_person_named_its_head() {
    check(
        "Director of the [Federal Bureau of Investigation]{ORG#1} ([FBI]{ORG#1}) [Louis Freeh]{PERSON#2} arrived in [Nairobi]{GPE#3} on Friday. [Kenyan]{NORP#4} police officers met him at the airport. The [FBI]{ORG#1} chief also said that the inquiry was making good progress.",
        expect![[r#"
            relations:
            Louis Freeh leader_of Federal Bureau of Investigation
            events:
            040 COP(Kenyan) -> Louis Freeh asserted 'met'
            claims:
            Louis Freeh: 'the inquiry was making good progress'
        "#]],
    );
    check(
        "[Louis Freeh]{PERSON#2} arrived in [Nairobi]{GPE#3} on Friday. The [Kenyan]{NORP#4} army commander said that the border had been closed.",
        expect![[r#"
            relations:
            events:
            claims:
            -: 'the border had been closed'
        "#]],
    );
}

/// A past participle between a determiner or a preposition and its noun
/// is an adjective, not an event: no occupation of the Golan Heights by
/// the ministry, no murder by the prosecutors.
#[test]
fn participle_before_its_noun_is_an_adjective() {
    check(
        "The [Syrian]{NORP#1} foreign ministry condemned new settlements in the occupied [Golan Heights]{LOC#2}. [Mexican]{NORP#3} prosecutors reopened the files of murdered women in [Ciudad Juarez]{GPE#4}.",
        expect![[r#"
            relations:
            events:
            111 Syrian -> - asserted 'condemned'
            claims:
        "#]],
    );
}

/// A participle clause after a subordinate clause is that clause's: in
/// "they were talking when the bomb went off, killing 40 and wounding 300"
/// the bomb killed, not the people talking.
#[test]
fn participle_after_a_subordinate_clause_takes_its_subject() {
    check(
        "[Ruth Okello]{PERSON#1} and [Kenya]{GPE#2}'s trade minister were talking when the bomb went off, killing 40 people and wounding 300 others. [Al-Shabaab]{ORG#3} fighters stormed the base at dawn, killing two [Kenyan]{NORP#4} soldiers.",
        expect![[r#"
            relations:
            events:
            180 Al-Shabaab -> - asserted 'stormed'
            claims:
        "#]],
    );
}

/// Releasing a statement, a report or figures is no release of persons
/// (084), whether the document is the object or the subject; releasing
/// hostages is.
#[test]
fn releasing_a_document_is_no_release() {
    check(
        "The [Red Cross]{ORG#1} released figures showing a rise in attacks. A statement released by the [Ukrainian]{NORP#2} army denied the report. The report was released by [Amnesty International]{ORG#3}. [Hamas]{ORG#4} released three [Thai]{NORP#5} hostages.",
        expect![[r#"
            relations:
            events:
            084 Hamas -> Thai asserted 'released'
            claims:
        "#]],
    );
}

/// "American authorities" tagged as a name are unnamed officials of the
/// United States (GOV), as "Kenyan police" are its police; "the Somali
/// government" stays the name it was tagged as.
#[test]
fn nationality_and_plural_officials_tagged_as_a_name_are_unnamed_officials() {
    check(
        "[American authorities]{ORG#1} accused [Osama bin Laden]{PERSON#2} of plotting the bombings that killed 12 [Americans]{NORP#5}. [The Somali government]{ORG#3} condemned [al-Shabaab]{ORG#4}.",
        expect![[r#"
            relations:
            events:
            112 GOV(Americans) -> Osama bin Laden asserted 'accused'
            180 - -> Americans asserted 'killed'
            111 The Somali government -> al-Shabaab asserted 'condemned'
            claims:
        "#]],
    );
}

/// What an accusation charges is the accuser's claim: "X accused Y of
/// killing civilians" is X's 112 against Y and a killing by Y that X
/// claims, not one the article asserts.
#[test]
fn accused_deed_is_the_accusers_claim() {
    check(
        "[Human Rights Watch]{ORG#1} accused [Ethiopia]{GPE#2} of killing civilians in [Tigray]{GPE#3}. [Kyiv]{GPE#4} blamed [Moscow]{GPE#5} for shelling the dam.",
        expect![[r#"
            relations:
            events:
            112 Human Rights Watch -> Ethiopia asserted 'accused' in Tigray
            180 Ethiopia -> CVL claimed 'killing' by Human Rights Watch in Tigray
            112 Kyiv -> Moscow asserted 'blamed'
            194 Moscow -> - claimed 'shelling' by Kyiv
            claims:
        "#]],
    );
}

/// "pleaded guilty to threatening X": the plea admits the threat, an
/// event of the one who pleads.
#[test]
fn pleaded_guilty_to_a_deed_is_that_deed() {
    check(
        "[John Kerr]{PERSON#1} pleaded guilty to threatening [Sarah Lane]{PERSON#2}, a county judge.",
        expect![[r#"
            relations:
            events:
            130 John Kerr -> Sarah Lane asserted 'threatening'
            claims:
        "#]],
    );
}

/// A fight for a purpose ("fought to keep the boy") is a struggle, not
/// force; "fought to the death" and "fought X" are fighting.
#[test]
fn fighting_to_do_something_is_no_fighting() {
    check(
        "Relatives of [Elena Ruiz]{PERSON#1} in [Miami]{GPE#2} have fought to keep her in the country. [Kurdish]{NORP#3} fighters fought [Islamic State]{ORG#4} to the last street.",
        expect![[r#"
            relations:
            events:
            190 Kurdish -> Islamic State asserted 'fought'
            claims:
        "#]],
    );
}
