//! Relations through the whole pipeline (tagger, parse, coreference and
//! extraction), on short articles of our own in the shapes newswire uses
//! for officials, members and places: one line per relation.

use expect_test::{expect, Expect};

fn check(text: &str, expect: Expect) {
    let doc = crate::processed("relations", text);
    expect.assert_eq(&dossier_extract::render::relations(&doc));
}

#[test]
fn party_before_a_congressional_title_is_the_members_party() {
    check(
        "WASHINGTON (AP) -- Republican Sen. Lindsey Graham called the decision a mistake on Monday, and Democratic Rep. Adam Schiff agreed.",
        expect![[r#"
            Lindsey Graham member_of Republican
            Adam Schiff member_of Democratic
        "#]],
    );
}

#[test]
fn arabic_name_particle_stays_with_the_name() {
    check(
        "Abu Bakr al-Baghdadi, leader of the Islamic State, appeared in a video released on Sunday. Ayman al-Zawahri, the leader of al-Qaida, did not comment.",
        expect![[r#"
            Abu Bakr al-Baghdadi leader_of Islamic State
            Ayman al-Zawahiri leader_of al-Qaeda
        "#]],
    );
}

#[test]
fn organisation_possessive_before_a_name_is_membership() {
    check(
        "NPR's Elaine Corey reported from Baghdad on Tuesday. CNN's Matthew Chance was in Moscow, where Hezbollah's leader Hassan Nasrallah was not expected.",
        expect![[r#"
            Hassan Nasrallah leader_of Hezbollah
            Elaine Corey member_of NPR
            Matthew Chance member_of CNN
        "#]],
    );
}

#[test]
fn post_inside_an_organisation_is_membership() {
    check(
        "Ahmed Musa, a senior commander in the Islamic State, was killed in the raid. Omar Hamza, an official in the Syrian government, was arrested in Raqqa.",
        expect![[r#"
            Ahmed Musa member_of Islamic State
            Omar Hamza member_of Syrian government
        "#]],
    );
}

#[test]
fn heads_of_government_and_spokespeople() {
    check(
        "BERLIN, Germany (Reuters) - German Chancellor Olaf Scholz met Jordan's King Abdullah on Friday. White House press secretary Karine Jean-Pierre said the talks went well. John Kirby, the Pentagon press secretary, declined to comment. Kremlin spokesman Dmitry Peskov said Moscow was not consulted.",
        expect![[r#"
            Berlin located_in Germany
            Olaf Scholz leader_of German
            Abdullah leader_of Jordan @2024-05-10
            Karine Jean-Pierre spokesperson_of White House
            John Kirby spokesperson_of United States Department of Defense
            Dmitry Peskov spokesperson_of Kremlin
        "#]],
    );
}

#[test]
fn officials_of_states_and_datelines() {
    check(
        "SANAA, Yemen (AP) -- Foreign Minister Hossein Amir-Abdollahian of Iran arrived in Aden, Yemen, on Tuesday. Egyptian Ambassador Ahmed Fathy said Cairo was watching closely. Italian Deputy Prime Minister Antonio Tajani said Rome would send aid.",
        expect![[r#"
            Sanaa located_in Yemen
            Hossein Amir-Abdollahian member_of Iran
            Aden located_in Yemen @2024-05-14
            Ahmed Fathy member_of Egyptian
            Antonio Tajani member_of Italian
        "#]],
    );
}

#[test]
fn title_inside_one_name_span_is_split_off_the_person() {
    check(
        "OMAGH, Northern Ireland (AP) _ U.S. Attorney General Janet Reno said the FBI would help. House Speaker Nancy Pelosi condemned the bombing, and Sinn Fein leader Gerry Adams called for calm.",
        expect![[r#"
            Omagh located_in Northern Ireland
            Janet Reno member_of United States
            Nancy Pelosi leader_of House
            Gerry Adams leader_of Sinn Fein
        "#]],
    );
}

#[test]
fn party_member_with_modifiers_and_bracketed_acronym() {
    check(
        "President Alfredo Cristiani, of the Nationalist Republican Alliance (ARENA), met the bishops on Monday. Liberal Party presidential candidate Cesar Gaviria Trujillo condemned the attack. Hamas political chief Ismail Haniyeh said the group would respond.",
        expect![[r#"
            Alfredo Cristiani member_of Nationalist Republican Alliance
            Cesar Gaviria Trujillo member_of Liberal Party
            Ismail Haniyeh leader_of Hamas
        "#]],
    );
}

#[test]
fn place_that_modifies_an_unnamed_noun_is_no_client() {
    check(
        "Kendall Coffey, a lawyer for the Miami relatives, said they would appeal. Greg Craig, a lawyer for Juan Miguel Gonzalez, said the father would wait.",
        expect![[r#"
            Greg Craig advisor_of Juan Miguel Gonzalez
        "#]],
    );
}

#[test]
fn the_party_is_not_the_dateline_agency() {
    check(
        "LAHORE, Pakistan (Reuters) - Police detained dozens of opposition supporters on Tuesday. The party's spokesman, Ahmed Raza, said the arrests were illegal.",
        expect![[r#"
            Lahore located_in Pakistan
        "#]],
    );
}

#[test]
fn a_place_and_a_capitalised_institution_name_the_institution() {
    check(
        "SAN JUAN, Puerto Rico (AP) _ Puerto Rico Police Superintendent Pedro Toledo urged calm on Monday. The Kenya police said nothing.",
        expect![[r#"
            San Juan located_in Puerto Rico
            Pedro Toledo leader_of Puerto Rico Police @2024-05-13
        "#]],
    );
}

#[test]
fn a_nationality_before_a_ministry_names_that_states_ministry() {
    check(
        "Maria Zakharova, the Russian Foreign Ministry spokeswoman, called it a provocation. Wang Wenbin, a spokesman for China's Foreign Ministry, said Beijing opposed the sanctions.",
        expect![[r#"
            Maria Zakharova spokesperson_of Russian Foreign Ministry
            Wang Wenbin spokesperson_of Foreign Ministry
        "#]],
    );
}

#[test]
fn party_secretaries_and_high_commissioners() {
    check(
        "DHAKA, Bangladesh, July 3 (Xinhua) -- Obaidul Quader, general secretary of the ruling Awami League, said the bridge would boost trade. Indian High Commissioner Pranay Verma attended the ceremony.",
        expect![[r#"
            Dhaka located_in Bangladesh @2024-07-03
            Obaidul Quader leader_of Awami League
            Pranay Verma member_of Indian
        "#]],
    );
}

#[test]
fn a_dateline_may_name_a_region() {
    check(
        "RAMALLAH, West Bank (AP) _ Israeli troops raided a refugee camp on Monday. Gaza, West Bank and East Jerusalem were calm.",
        expect![[r#"
            Ramallah located_in West Bank
        "#]],
    );
}

#[test]
fn the_bureau_is_the_bureau_named_before() {
    check(
        "The FBI has offered a reward for information about the bombing. “We have no leads yet,” said Jane Ortiz, a spokeswoman for the bureau's Denver office. The International Atomic Energy Agency sent inspectors, and Fredrik Dahl, a spokesman for the agency, said they would report on Friday.",
        expect![[r#"
            Jane Ortiz spokesperson_of Federal Bureau of Investigation
            Fredrik Dahl spokesperson_of International Atomic Energy Agency
        "#]],
    );
}

#[test]
fn a_nationality_the_tagger_left_out_still_owns_the_office() {
    check(
        "Malagasy President Andry Rajoelina opened the session on Monday. A Guatemalan lawyer, Maria Lopez, said the court would meet.",
        expect![[r#"
            Andry Rajoelina leader_of Malagasy
            Maria Lopez citizen_of Guatemalan
        "#]],
    );
}
