//! Claims through the whole pipeline (tagger, parse, coreference and
//! extraction), on short articles of our own: one line of text, one line
//! per claim (`speaker: 'content'`, `-` for a speaker the text does not
//! name).

use expect_test::{expect, Expect};

fn check(text: &str, expect: Expect) {
    let doc = crate::processed("claims", text);
    expect.assert_eq(&dossier_extract::render::claims(&doc));
}

#[test]
fn according_to_the_ambassador_is_the_ambassador_named_before() {
    check(
        "Rodrigo Salinas Vera, Chile's ambassador to Bolivia, arrived in La Paz on Monday. According to the ambassador, the embassy staff are safe and the consulate will reopen on Friday.",
        expect![[r#"
            Rodrigo Salinas Vera: 'the embassy staff are safe and the consulate will reopen on Friday'
        "#]],
    );
}

#[test]
fn official_from_the_organization_is_no_name_of_the_dateline() {
    check(
        "GENEVA, March 3 (Xinhua) -- The World Health Organization will open two field hospitals in Aleppo next month, an official from the organization said on Tuesday.",
        expect![[r#"
            -: 'The World Health Organization will open two field hospitals in Aleppo next month'
        "#]],
    );
}

#[test]
fn and_he_added_that_ends_the_claim_before_it() {
    check(
        "Interior Minister Amina Haddad said that the mountain roads were closed, and she added that the army would clear them by Sunday.",
        expect![[r#"
            Amina Haddad: 'the mountain roads were closed'
            Amina Haddad: 'the army would clear them by Sunday'
        "#]],
    );
}

#[test]
fn participle_after_a_described_subject_is_unnamed() {
    check(
        "The Turkish foreign minister, meanwhile, tried to calm the dispute, saying on Monday that Ankara would not close its airspace to Greek flights.",
        expect![[r#"
            -: 'Ankara would not close its airspace to Greek flights'
        "#]],
    );
}

#[test]
fn state_radio_is_an_unnamed_speaker() {
    check(
        "Kenya state radio says hundreds of families fled the floods near Garissa on Sunday.",
        expect![[r#"
            -: 'hundreds of families fled the floods near Garissa on Sunday'
        "#]],
    );
}

#[test]
fn agency_official_is_an_unnamed_speaker() {
    check(
        "On Monday, an Interpol official said investigators had traced the stolen car to a garage in Lyon.",
        expect![[r#"
            -: 'investigators had traced the stolen car to a garage in Lyon'
        "#]],
    );
}

#[test]
fn surname_before_a_relative_clause_speaks() {
    check(
        "QUITO, 4 MAR 90 -- PERUVIAN AMBASSADOR TOMAS RUIZ LEDESMA LEFT QUITO ON FRIDAY. RUIZ LEDESMA, WHO HAS SERVED IN ECUADOR SINCE 1988, SAID THAT THE BORDER CROSSING AT HUAQUILLAS WILL REOPEN NEXT WEEK.",
        expect![[r#"
            TOMAS RUIZ LEDESMA: 'THE BORDER CROSSING AT HUAQUILLAS WILL REOPEN NEXT WEEK'
        "#]],
    );
}

#[test]
fn numbered_points_of_a_communique_are_claims_of_its_sender() {
    check(
        "THE ARMY OF NATIONAL LIBERATION [ELN] STATES THE FOLLOWING:\n\n   1.  THE BRIDGE AT PAMPAS WAS DESTROYED BY OUR FORCES.\n\n   2.  THE GOVERNMENT OF PERU IS RESPONSIBLE FOR THE BLACKOUT IN LIMA.\n\n   3.  WE WILL CONTINUE THE STRUGGLE IN THE HIGHLANDS.\n",
        expect![[r#"
            National Liberation Army: 'THE BRIDGE AT PAMPAS WAS DESTROYED BY OUR FORCES'
            National Liberation Army: 'THE GOVERNMENT OF PERU IS RESPONSIBLE FOR THE BLACKOUT IN LIMA'
            National Liberation Army: 'WE WILL CONTINUE THE STRUGGLE IN THE HIGHLANDS'
        "#]],
    );
}

#[test]
fn passive_verb_before_a_final_source_is_not_speech() {
    check(
        "Four Syrians, whose names were not disclosed, were deported to Beirut on Monday, the newspaper said.",
        expect![[r#"
            -: 'Four Syrians, whose names were not disclosed, were deported to Beirut on Monday'
        "#]],
    );
}

#[test]
fn the_newspaper_said_is_the_newspaper_named_before() {
    check(
        "Police arrested two bankers in Nairobi, said the Daily Nation, a Kenyan newspaper. Both men were released on bail on Tuesday, the newspaper said.",
        expect![[r#"
            Daily Nation: 'Police arrested two bankers in Nairobi'
            Daily Nation: 'Both men were released on bail on Tuesday'
        "#]],
    );
}

#[test]
fn reported_speech_inside_a_recorded_turn_is_found() {
    check(
        "[BEGIN RECORDING] [MARIA LOPEZ] GOOD EVENING. PRESIDENT ALFREDO CRISTIANI MET THE SPANISH ENVOY TODAY. CRISTIANI SAID THAT THE INQUIRY WILL BEGIN NEXT WEEK. [END RECORDING]",
        expect![[r#"
            MARIA LOPEZ: 'GOOD EVENING. PRESIDENT ALFREDO CRISTIANI MET THE SPANISH ENVOY TODAY. CRISTIANI SAID THAT THE INQUIRY WILL BEGIN NEXT WEEK' direct
            ALFREDO CRISTIANI: 'THE INQUIRY WILL BEGIN NEXT WEEK'
        "#]],
    );
}

#[test]
fn participle_after_a_quote_speaks_for_the_subject_before_it() {
    check(
        "Foreign Minister Ana Brnabic called the treaty \"a return to our European home,\" saying: \"We have waited thirty years for this day.\"",
        expect![[r#"
            Ana Brnabic: 'a return to our European home' direct
            Ana Brnabic: 'We have waited thirty years for this day' direct
        "#]],
    );
}

#[test]
fn the_message_said_keeps_the_unnamed_source_before_it() {
    check(
        "President Luis Arce spoke in La Paz on Monday. \"Nothing is settled yet,\" said a government communique read at the rally. \"We cannot stop marching!\" said the message.",
        expect![[r#"
            -: 'Nothing is settled yet' direct
            -: 'We cannot stop marching' direct
        "#]],
    );
}

#[test]
fn transcript_label_before_a_quote_is_its_speaker() {
    check(
        "Statements issued on the inquiry:\n\nMinister Helen Clark on Tuesday ``We have asked the police to look into every claim made against the board.'' Winston Peters on Wednesday. ``Nobody in my office has spoken to the board about the contract. I have nothing to hide.",
        expect![[r#"
            Helen Clark: 'We have asked the police to look into every claim made against the board' direct
            Winston Peters: 'Nobody in my office has spoken to the board about the contract. I have nothing to hide' direct
        "#]],
    );
}

#[test]
fn saying_with_a_bare_clause_after_a_described_subject() {
    check(
        "But the boy's relatives in Toronto have fought to keep him, saying they could give him a better life in Canada. They said they would appeal the ruling.",
        expect![[r#"
            -: 'they could give him a better life in Canada'
            -: 'they would appeal the ruling'
        "#]],
    );
}

#[test]
fn fronted_place_is_no_head_of_the_apposition_after_it() {
    check(
        "In Mombasa, the girl's uncle, Hassan Omar, denied that he had taken her across the border.",
        expect![[r#"
            Hassan Omar: 'he had taken her across the border' denied
        "#]],
    );
}

#[test]
fn according_to_a_place_and_title_before_a_person_is_the_person() {
    check(
        "ACCORDING TO ANTIOQUIA STATE GOVERNOR ANIBAL GAVIRIA, THE ROADS TO MEDELLIN HAVE BEEN REOPENED.",
        expect![[r#"
            ANIBAL GAVIRIA: 'THE ROADS TO MEDELLIN HAVE BEEN REOPENED'
        "#]],
    );
}

#[test]
fn the_minister_who_rejected_and_added_is_the_minister_named_before() {
    check(
        "Defence Minister Rodrigo Botero visited the border on Monday. The minister rejected the plan to arm civilians and added that the army would double its patrols.",
        expect![[r#"
            Rodrigo Botero: 'the army would double its patrols'
        "#]],
    );
}

#[test]
fn first_surname_of_a_spanish_name_speaks_alone() {
    check(
        "SAN JOSE, 9 JUN 89 -- PRESIDENT OSCAR ARIAS SANCHEZ CONDEMNED THE ATTACK. ARIAS SAID THAT THE PEACE PLAN WILL GO ON.",
        expect![[r#"
            OSCAR ARIAS SANCHEZ: 'THE PEACE PLAN WILL GO ON'
        "#]],
    );
}

#[test]
fn recorded_turn_runs_over_an_editors_note() {
    check(
        "GUATEMALA CITY, 3 MAY 90 -- FOREIGN MINISTER ARIEL RIVERA WAS ASKED TODAY ABOUT THE REFUGEES. [BEGIN RECORDING] [RIVERA] WE HAVE NOT [WORD INDISTINCT] THE EMBASSY. NOBODY HAS TOLD US ABOUT THOSE FAMILIES. [REPORTER] DO YOU BELIEVE THEY LEFT THROUGH THE AIRPORT? [RIVERA] WE HAVE NO RECORD OF IT. [END RECORDING]",
        expect![[r#"
            ARIEL RIVERA: 'WE HAVE NOT [WORD INDISTINCT] THE EMBASSY. NOBODY HAS TOLD US ABOUT THOSE FAMILIES' direct
            ARIEL RIVERA: 'WE HAVE NO RECORD OF IT' direct
        "#]],
    );
}

#[test]
fn relative_clause_of_saying_ends_with_its_complement() {
    check(
        "The arrest of three farmers who said they had been beaten by soldiers came a week after the massacre in Sololá.",
        expect![[r#"
            -: 'they had been beaten by soldiers'
        "#]],
    );
}

#[test]
fn passive_reporting_verb_names_no_source() {
    check(
        "Carabineros searched the chapel on Sunday. It has been reported that the chapel in Valparaiso was used to hide weapons.",
        expect![[""]],
    );
}

#[test]
fn quoted_phrase_that_ends_the_clause_gives_the_whole_clause() {
    check(
        "Telenor suspended the account on Monday for breaking its \"terms of fair use,\" spokeswoman Ingrid Dahl said.",
        expect![[r#"
            Ingrid Dahl: 'Telenor suspended the account on Monday for breaking its "terms of fair use'
        "#]],
    );
}

#[test]
fn told_a_hyphenated_agency_that() {
    check(
        "SAN SALVADOR, 22 NOV 89 -- FATHER IGNACIO MARTIN, HEAD OF THE JESUIT ORDER, TOLD ACAN - EFE THAT A MORTAR SHELL HIT THE SCHOOL LAST NIGHT.",
        expect![[r#"
            IGNACIO MARTIN: 'A MORTAR SHELL HIT THE SCHOOL LAST NIGHT'
        "#]],
    );
}

#[test]
fn dateline_agency_is_no_speaker() {
    check(
        "NAIROBI, Kenya (AP) _ A cousin of the jailed opposition leader said Friday that she had been barred from visiting him.",
        expect![[r#"
            -: 'she had been barred from visiting him'
        "#]],
    );
}

#[test]
fn he_added_goes_on_from_the_last_speaker() {
    check(
        "President Nayib Bukele said the army would stay in the streets. Vice President Felix Ulloa accompanied him. He added: \"We will not negotiate with the gangs.\"",
        expect![[r#"
            Nayib Bukele: 'the army would stay in the streets'
            Nayib Bukele: 'We will not negotiate with the gangs' direct
        "#]],
    );
}

#[test]
fn said_there_is_a_clause_not_a_place() {
    check(
        "Maria Lopez, a spokeswoman for the Red Cross, said there is no shelter left in Cap-Haitien.",
        expect![[r#"
            Maria Lopez: 'there is no shelter left in Cap-Haitien'
        "#]],
    );
}

#[test]
fn reports_after_a_preposition_is_a_noun_with_no_source() {
    check(
        "Police in Lyon widened the search for Karim Benali following reports that he was seen near the Swiss border.",
        expect![[""]],
    );
}

#[test]
fn admitting_members_is_no_speech() {
    check(
        "BRUSSELS, March 3 (Xinhua) -- The European Union has decided to admit Croatia, Serbia and Montenegro in early 2030, an official from the bloc said on Monday.",
        expect![[r#"
            -: 'The European Union has decided to admit Croatia, Serbia and Montenegro in early 2030'
        "#]],
    );
}

#[test]
fn a_body_a_country_only_modifies_is_no_speaker() {
    check(
        "NAIROBI, Kenya (AP) _ Kenya's health ministry said Thursday that at least 30 people had died of cholera in Turkana since January.\n\n``The outbreak is under control,'' said Mary Wanjiru, the county's director of health. ``We have sent three medical teams.''\n\nThe ministry said in a statement that it had asked the World Health Organization for vaccines.",
        expect![[r#"
            -: 'at least 30 people had died of cholera in Turkana since January'
            Mary Wanjiru: 'The outbreak is under control' direct
            Mary Wanjiru: 'We have sent three medical teams' direct
            -: 'it had asked the World Health Organization for vaccines'
        "#]],
    );
}

#[test]
fn told_quoted_and_the_spokesman() {
    check(
        "MOSCOW (AP) _ Russian President Boris Yeltsin was quoted as saying that Russia would not allow Washington to act alone. Foreign Minister Yevgeny Primakov told reporters he still hoped for a diplomatic solution.\n\nChinese Foreign Ministry spokesman Zhu Bangzao spoke in Beijing on Tuesday. The premier will meet French President Jacques Chirac in Paris, the spokesman said.",
        expect![[r#"
            Boris Yeltsin: 'Russia would not allow Washington to act alone'
            Yevgeny Primakov: 'he still hoped for a diplomatic solution'
            Zhu Bangzao: 'The premier will meet French President Jacques Chirac in Paris'
        "#]],
    );
}

#[test]
fn doubled_apostrophes_open_quotes_in_wire_copy() {
    check(
        "In Cusco, the mayor, Rosa Mamani, denied that she would resign. ''I was elected by this town,'' she said. ''I am staying.''",
        expect![[r#"
            Rosa Mamani: 'she would resign' denied
            Rosa Mamani: 'I was elected by this town' direct
            Rosa Mamani: 'I am staying' direct
        "#]],
    );
}

#[test]
fn said_the_report_and_quoted_by_an_agency() {
    check(
        "ISLAMABAD, August 14 (Xinhua) -- Local press reported that police had detained three suspects. The suspects were being questioned by the police, said the report.\n\nPrime Minister Nawaz Sharif chaired a cabinet meeting on Friday. The Interior Minister was quoted by the official news agency APP as saying that the blast was the work of foreign agents.",
        expect![[r#"
            -: 'police had detained three suspects'
            -: 'The suspects were being questioned by the police'
            -: 'the blast was the work of foreign agents'
        "#]],
    );
}

#[test]
fn claiming_an_attack_after_a_relative_clause_is_no_inverted_source() {
    // "claimed the attack" has its subject before it: the words after the
    // verb are its object, not a clause-final speaker of the words before.
    check(
        "Police in Mogadishu said a car bomb killed four people on Tuesday. Al-Shabaab, which has fought the Somali government since 2006, claimed the attack in a statement.",
        expect![[r#"
            -: 'a car bomb killed four people on Tuesday'
        "#]],
    );
}

#[test]
fn name_and_apposition_before_a_final_said() {
    check(
        "The road to the airport was closed for six hours, Ali Khan, a police spokesman, said on Monday.\n\nThe dam will be finished next year, a ministry engineer, Sara Malik, said.",
        expect![[r#"
            Ali Khan: 'The road to the airport was closed for six hours'
            Sara Malik: 'The dam will be finished next year'
        "#]],
    );
}
