//! One-line tests: a marked sentence and the entities it resolves to.

use expect_test::{expect, Expect};

use crate::{parse_fixture, render, resolve, test_kb};

fn check(marked: &str, expect: Expect) {
    let (text, gold) = parse_fixture(marked);
    let doc = resolve(test_kb(), &text, &gold);
    expect.assert_eq(&render(&doc));
}

#[test]
fn surname_joins_full_name() {
    check(
        "[Imran Khan]{PER} met officials. Later [Khan]{PER} said talks went well.",
        expect![[r#"
            E0 PERSON "Imran Khan" kb=- aliases=[Khan] mentions=[Imran Khan@0 name, Khan@32 name]
        "#]],
    );
}

#[test]
fn two_khans_stay_apart_and_bare_surname_goes_to_nearest() {
    check(
        "[Omar Ayub Khan]{PER} criticised [Imran Khan]{PER}. [Khan]{PER} replied on Monday.",
        expect![[r#"
            E0 PERSON "Omar Ayub Khan" kb=- mentions=[Omar Ayub Khan@0 name]
            E1 PERSON "Imran Khan" kb=- aliases=[Khan] mentions=[Imran Khan@26 name, Khan@38 name]
        "#]],
    );
}

#[test]
fn titles_become_attributes() {
    check(
        "[Gen. Asim Munir]{PER} met [Mufti Noor Wali]{PER} and Lt. Gen. [Faiz Hameed]{PER}.",
        expect![[r#"
        E0 PERSON "Asim Munir" kb=- titles=[General] mentions=[Gen. Asim Munir@0 name]
        E1 PERSON "Noor Wali" kb=- titles=[Mufti] mentions=[Mufti Noor Wali@20 name]
        E2 PERSON "Faiz Hameed" kb=- titles=[Lieutenant General] mentions=[Faiz Hameed@49 name]
    "#]],
    );
}

#[test]
fn a_titled_name_tagged_org_is_a_person() {
    check(
        "[Interior Minister Mohsin Naqvi]{ORG} spoke. [General Electric Company]{ORG} and [General Motors]{ORG} did not.",
        expect![[r#"
            E0 PERSON "Mohsin Naqvi" kb=- titles=[Interior Minister] mentions=[Interior Minister Mohsin Naqvi@0 name]
            E1 ORG "General Electric Company" kb=- mentions=[General Electric Company@38 name]
            E2 ORG "General Motors" kb=- mentions=[General Motors@67 name]
        "#]],
    );
}

#[test]
fn parenthetical_acronym_and_later_use() {
    check(
        "[Islamic State Khorasan Province]{ORG} (ISKP) claimed the attack. Officials blamed ISKP on Friday.",
        expect![[r#"
            E0 ORG "Islamic State Khorasan Province" kb=dossier:iskp aliases=[ISKP] mentions=[Islamic State Khorasan Province@0 name, ISKP@33 acronym, ISKP@76 acronym]
        "#]],
    );
}

#[test]
fn transliteration_variants_join() {
    check(
        "[Tehrik-i-Taliban Pakistan]{ORG} fighters met [Tehrik-e-Taliban]{ORG} envoys; the [TTP]{ORG} said so.",
        expect![[r#"
            E0 ORG "Tehrik-i-Taliban Pakistan" kb=dossier:ttp aliases=[Tehrik-e-Taliban, TTP] mentions=[Tehrik-i-Taliban Pakistan@0 name, Tehrik-e-Taliban@39 name, TTP@68 acronym]
        "#]],
    );
}

#[test]
fn isis_is_the_islamic_state() {
    check(
        "[ISIS]{ORG} grew fast. Later the [Islamic State]{ORG} lost ground.",
        expect![[r#"
        E0 ORG "Islamic State" kb=dossier:isis aliases=[ISIS] mentions=[ISIS@0 acronym, Islamic State@26 name]
    "#]],
    );
}

#[test]
fn known_country_is_never_a_person() {
    check(
        "[Pakistan]{PER} rejected the claim.",
        expect![[r#"
        E0 GPE "Pakistan" kb=Q843 geo=PK (30.00, 70.00) country mentions=[Pakistan@0 name]
    "#]],
    );
}

#[test]
fn magazine_title_is_work() {
    check("The group wrote in its magazine named “[Khorasan Ghag]{PER}”. The journal also attacked clerics.", expect![[r#"
        E0 WORK "Khorasan Ghag" kb=- mentions=[Khorasan Ghag@41 name, The journal@59 nominal]
    "#]]);
}

#[test]
fn a_name_before_province_is_the_place() {
    check(
        "The group declared the creation of its “[Khorasan]{ORG}” province.",
        expect![[r#"
            E0 LOC "Khorasan" kb=dossier:khorasan geo=- (34.00, 62.00) region mentions=[Khorasan@42 name]
        "#]],
    );
}

#[test]
fn demonym_is_norp_and_army_is_org() {
    check(
        "[Pakistani]{MISC} scholars criticised the [Pakistani]{MISC} army.",
        expect![[r#"
        E0 NORP "Pakistani" kb=dossier:norp-pakistani mentions=[Pakistani@0 name]
        E1 ORG "Pakistan Army" kb=dossier:pakistan-army aliases=[Pakistani army] mentions=[Pakistani army@34 name]
    "#]],
    );
}

#[test]
fn moscow_is_a_city_on_the_map() {
    check(
        "[Khan]{PER} flew to [Moscow]{LOC}.",
        expect![[r#"
        E0 PERSON "Khan" kb=- mentions=[Khan@0 name]
        E1 GPE "Moscow" kb=Q649 geo=RU (55.75, 37.62) city mentions=[Moscow@13 name]
    "#]],
    );
}

#[test]
fn outfit_and_it_refer_to_the_group() {
    check(
        "[ISKP]{ORG} asserted that [Pakistan]{LOC} is governed badly. It used [Imran Khan]{PER} as an example. \"This is clear,\" the outfit said.",
        expect![[r#"
            E0 ORG "Islamic State Khorasan Province" kb=dossier:iskp aliases=[ISKP] mentions=[ISKP@0 acronym, It@47 pronoun, the outfit@98 nominal]
            E1 GPE "Pakistan" kb=Q843 geo=PK (30.00, 70.00) country mentions=[Pakistan@19 name]
            E2 PERSON "Imran Khan" kb=- mentions=[Imran Khan@55 name]
        "#]],
    );
}

#[test]
fn he_refers_to_a_person_actor() {
    check(
        "[Imran Khan]{PER} left [Islamabad]{LOC} on Monday. He flew to [Peshawar]{LOC}.",
        expect![[r#"
            E0 PERSON "Imran Khan" kb=- mentions=[Imran Khan@0 name, He@37 pronoun]
            E1 GPE "Islamabad" kb=- geo=PK (34.01, 71.58) city within "Peshawar" mentions=[Islamabad@16 name]
            E2 GPE "Peshawar" kb=geonames:1168197 geo=PK (34.01, 71.58) city mentions=[Peshawar@48 name]
        "#]],
    );
}

#[test]
fn pleonastic_and_object_it_are_left_alone() {
    check("[ISKP]{ORG} attacked the town. It is clear that the attack failed, and officials called it a riot.", expect![[r#"
        E0 ORG "Islamic State Khorasan Province" kb=dossier:iskp aliases=[ISKP] mentions=[ISKP@0 acronym]
    "#]]);
}

#[test]
fn place_head_words_type_unknown_places() {
    check(
        "Troops left [Bagram Airfield]{LOC} for the [Red Sea]{LOC} and [Kaduna State]{LOC} near [Mount Kenya]{LOC}.",
        expect![[r#"
            E0 FAC "Bagram Airfield" kb=- mentions=[Bagram Airfield@12 name]
            E1 LOC "Red Sea" kb=- mentions=[Red Sea@36 name]
            E2 GPE "Kaduna State" kb=- mentions=[Kaduna State@48 name]
            E3 LOC "Mount Kenya" kb=- mentions=[Mount Kenya@66 name]
        "#]],
    );
}

#[test]
fn unknown_place_gets_a_diagnostic_not_zero_zero() {
    let (text, gold) = crate::parse_fixture("Fighting reached [Qaryat al-Nur]{LOC}.");
    let doc = crate::resolve(test_kb(), &text, &gold);
    assert_eq!(doc.entities[0].geo, None);
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.message.contains("Qaryat al-Nur")));
}

#[test]
fn acronym_missed_by_ner_is_added_when_known() {
    check(
        "Police said the [Tehrik-i-Taliban Pakistan]{ORG} attacked again, and TTP later denied it.",
        expect![[r#"
        E0 ORG "Tehrik-i-Taliban Pakistan" kb=dossier:ttp aliases=[TTP] mentions=[Tehrik-i-Taliban Pakistan@16 name, TTP@62 acronym]
    "#]],
    );
}

#[test]
fn possessive_is_stripped() {
    check(
        "[ISKP]{ORG} is strong. [ISKP’s]{ORG} leaders met [Khan’s]{PER} aides.",
        expect![[r#"
        E0 ORG "Islamic State Khorasan Province" kb=dossier:iskp aliases=[ISKP] mentions=[ISKP@0 acronym, ISKP’s@16 acronym]
        E1 PERSON "Khan" kb=- mentions=[Khan’s@37 name]
    "#]],
    );
}

#[test]
fn capital_as_government_keeps_place_type() {
    check(
        "[Moscow]{ORG} said it would respond.",
        expect![[r#"
        E0 GPE "Moscow" kb=Q649 geo=RU (55.75, 37.62) city mentions=[Moscow@0 name]
    "#]],
    );
}

#[test]
fn first_name_joins_full_name() {
    check(
        "[Noor Wali Mehsud]{PER} spoke. Then [Noor Wali]{PER} left.",
        expect![[r#"
        E0 PERSON "Noor Wali Mehsud" kb=- aliases=[Noor Wali] mentions=[Noor Wali Mehsud@0 name, Noor Wali@29 name]
    "#]],
    );
}

#[test]
fn different_kb_entries_never_merge() {
    check(
        "[ISIS]{ORG} and [ISKP]{ORG} fought; [Islamic State]{ORG} won.",
        expect![[r#"
        E0 ORG "Islamic State" kb=dossier:isis aliases=[ISIS] mentions=[ISIS@0 acronym, Islamic State@22 name]
        E1 ORG "Islamic State Khorasan Province" kb=dossier:iskp aliases=[ISKP] mentions=[ISKP@9 acronym]
    "#]],
    );
}

#[test]
fn acronym_before_its_long_form_in_parentheses() {
    check(
        "The [AQAP]{ORG} ([al-Qaeda in the Arabian Peninsula]{ORG}) claimed it. [AQAP]{ORG} later denied it.",
        expect![[r#"
            E0 LOC "al-Qaeda in the Arabian Peninsula" kb=- aliases=[AQAP] mentions=[AQAP@4 acronym, al-Qaeda in the Arabian Peninsula@10 name]
            E1 ORG "AQAP" kb=- mentions=[AQAP@57 acronym]
        "#]],
    );
}

#[test]
fn the_group_skips_state_institutions() {
    check(
        "[Ansar Allah]{ORG} fired missiles, the [US Central Command]{ORG} said. The group vowed more attacks.",
        expect![[r#"
            E0 ORG "Ansar Allah" kb=- mentions=[Ansar Allah@0 name, The group@57 nominal]
            E1 ORG "US Central Command" kb=- mentions=[US Central Command@32 name]
        "#]],
    );
}

#[test]
fn they_needs_a_group_in_the_last_sentence() {
    check(
        "[Hamas]{ORG} fired rockets. Troops moved in. Residents fled. They said the shelling was heavy.",
        expect![[r#"
            E0 ORG "Hamas" kb=- mentions=[Hamas@0 name]
        "#]],
    );
}

#[test]
fn facility_head_on_org_mention() {
    check(
        "Rockets hit [Bagram Air Base]{ORG} and the [Lady Reading Hospital]{ORG}.",
        expect![[r#"
        E0 FAC "Bagram Air Base" kb=- mentions=[Bagram Air Base@12 name]
        E1 FAC "Lady Reading Hospital" kb=- mentions=[Lady Reading Hospital@36 name]
    "#]],
    );
}

#[test]
fn org_tagged_person_is_retyped_by_the_kb() {
    check(
        "[al Qaeda]{PER} and [Al-Qaida]{ORG} are one group.",
        expect![[r#"
        E0 ORG "al-Qaeda" kb=dossier:al-qaeda aliases=[al Qaeda, Al-Qaida] mentions=[al Qaeda@0 name, Al-Qaida@13 name]
    "#]],
    );
}

#[test]
fn definition_outweighs_ner_type_of_long_form() {
    check(
        "[Jama'at Nusrat al-Islam wal-Muslimin]{PER} (JNIM) struck [Boulkessi]{LOC}. [JNIM]{ORG} said so.",
        expect![[r#"
            E0 ORG "Jama'at Nusrat al-Islam wal-Muslimin" kb=- aliases=[JNIM] mentions=[Jama'at Nusrat al-Islam wal-Muslimin@0 name, JNIM@38 acronym, JNIM@62 acronym]
            E1 GPE "Boulkessi" kb=- mentions=[Boulkessi@51 name]
        "#]],
    );
}

#[test]
fn title_tagged_apart_from_the_name_is_an_attribute() {
    check(
        "[Gen.]{MISC} [Asim Munir]{PER} flew to [Moscow]{LOC}.",
        expect![[r#"
        E0 PERSON "Asim Munir" kb=- titles=[General] mentions=[Asim Munir@5 name]
        E1 GPE "Moscow" kb=Q649 geo=RU (55.75, 37.62) city mentions=[Moscow@24 name]
    "#]],
    );
}

#[test]
fn words_clipped_off_a_name_are_given_back() {
    check(
        "The National [Unity Government]{ORG} met Senior Gen. Min [Aung Hlaing]{PER} and the [Arakan Army]{ORG}.",
        expect![[r#"
            E0 ORG "National Unity Government" kb=- mentions=[National Unity Government@4 name]
            E1 PERSON "Min Aung Hlaing" kb=- titles=[General] mentions=[Min Aung Hlaing@46 name]
            E2 ORG "Arakan Army" kb=- mentions=[Arakan Army@70 name]
        "#]],
    );
}

#[test]
fn one_span_over_two_titled_people_is_split() {
    check(
        "A row between [Mufti Noor Wali and Pakistani scholar Mufti Taqi Usmani]{ORG} grew. He termed it a riot.",
        expect![[r#"
            E0 PERSON "Noor Wali" kb=- titles=[Mufti] mentions=[Mufti Noor Wali@14 name]
            E1 NORP "Pakistani" kb=dossier:norp-pakistani mentions=[Pakistani@34 name]
            E2 PERSON "Taqi Usmani" kb=- titles=[Mufti] mentions=[Mufti Taqi Usmani@52 name, He@76 pronoun]
        "#]],
    );
}

#[test]
fn al_prefix_and_vowel_variants_join_without_the_kb() {
    check(
        "[Al-Shabaab]{ORG} attacked; [al Shabab]{ORG} and [Hay'at Tahrir al-Sham]{ORG} ([HTS]{ORG}) denied it, as did [Hayat Tahrir al-Sham]{ORG}.",
        expect![[r#"
            E0 ORG "Al-Shabaab" kb=- aliases=[al Shabab] mentions=[Al-Shabaab@0 name, al Shabab@21 name]
            E1 ORG "Hay'at Tahrir al-Sham" kb=- aliases=[HTS, Hayat Tahrir al-Sham] mentions=[Hay'at Tahrir al-Sham@35 name, HTS@58 acronym, Hayat Tahrir al-Sham@81 name]
        "#]],
    );
}

#[test]
fn surname_after_two_people_goes_to_the_nearest() {
    check(
        "[Imran Khan]{PER} spoke first. Then [Omar Ayub Khan]{PER} replied, and [Khan]{PER} left. Later [Imran Khan]{PER} returned and [Khan]{PER} smiled.",
        expect![[r#"
            E0 PERSON "Imran Khan" kb=- aliases=[Khan] mentions=[Imran Khan@0 name, Imran Khan@74 name, Khan@98 name]
            E1 PERSON "Omar Ayub Khan" kb=- aliases=[Khan] mentions=[Omar Ayub Khan@29 name, Khan@57 name]
        "#]],
    );
}

#[test]
fn the_army_is_the_army_the_text_named() {
    check(
        "[Ansar Allah]{ORG} clashed with the [Saudi]{MISC} army. The army said it lost two men. The government said nothing.",
        expect![[r#"
            E0 ORG "Ansar Allah" kb=- mentions=[Ansar Allah@0 name]
            E1 ORG "Saudi army" kb=- mentions=[Saudi army@29 name, The army@41 nominal, it@55 pronoun]
        "#]],
    );
}

#[test]
fn pronoun_after_an_unresolved_nominal_is_left_alone() {
    check(
        "[Ansar Allah]{ORG} clashed with [Emirati]{MISC} troops. The army said it lost two men.",
        expect![[r#"
            E0 ORG "Ansar Allah" kb=- mentions=[Ansar Allah@0 name]
            E1 NORP "Emirati" kb=- mentions=[Emirati@25 name]
        "#]],
    );
}

#[test]
fn place_after_a_locative_preposition_is_a_place() {
    check(
        "Gunmen struck in [Peshawar]{PER}, not [Peshawar]{PER} the poet.",
        expect![[r#"
        E0 GPE "Peshawar" kb=geonames:1168197 geo=PK (34.01, 71.58) city mentions=[Peshawar@17 name]
        E1 PERSON "Peshawar" kb=- mentions=[Peshawar@31 name]
    "#]],
    );
}

#[test]
fn unsegmented_document_still_groups_names() {
    use dossier_resolve::Resolver;
    use dossier_text::{Component, Document, EntityType, Mention, MentionKind, TextRange};
    let mut doc = Document::new("Imran Khan met Khan.".to_string(), Default::default());
    for (a, b) in [(0, 10), (15, 19)] {
        doc.mentions.push(Mention {
            range: TextRange::new(a, b),
            etype: EntityType::Person,
            kind: MentionKind::Name,
            confidence: 1.0,
            entity: None,
        });
    }
    Resolver::new(test_kb()).process(&mut doc);
    expect![[r#"
        E0 PERSON "Imran Khan" kb=- aliases=[Khan] mentions=[Imran Khan@0 name, Khan@15 name]
    "#]]
    .assert_eq(&crate::render(&doc));
}

#[test]
fn a_title_inside_an_org_span_splits_off_the_person_and_particles_stay() {
    check(
        "[U.S. Attorney General Janet Reno]{ORG} spoke. [Economy Minister Ahmed Said]{ORG} did not. [Abu Bakr]{PERSON} al-Baghdadi and [Osama]{PERSON} bin Laden were named.",
        expect![[r#"
            E0 GPE "United States" kb=Q30 aliases=[U.S.] geo=US (39.76, -98.50) country mentions=[U.S.@0 acronym]
            E1 PERSON "Janet Reno" kb=- titles=[Attorney General] mentions=[Janet Reno@22 name]
            E2 ORG "Economy Minister Ahmed Said" kb=- mentions=[Economy Minister Ahmed Said@40 name]
            E3 PERSON "Abu Bakr al-Baghdadi" kb=- mentions=[Abu Bakr al-Baghdadi@77 name]
            E4 PERSON "Osama bin Laden" kb=- mentions=[Osama bin Laden@102 name]
        "#]],
    );
}

#[test]
fn a_dateline_place_is_no_long_form_of_the_agency() {
    check(
        "[CHICAGO]{ORG} ([AP]{ORG}) _ Police arrested two men. [Doctors Without Borders]{ORG} ([MSF]{ORG}) sent a team.",
        expect![[r#"
            E0 ORG "CHICAGO" kb=- mentions=[CHICAGO@0 acronym]
            E1 ORG "AP" kb=- mentions=[AP@9 acronym]
            E2 ORG "Doctors Without Borders" kb=- aliases=[MSF] mentions=[Doctors Without Borders@40 name, MSF@65 acronym]
        "#]],
    );
}

#[test]
fn a_name_span_ends_before_a_trailing_function_word() {
    check(
        "She drove to the settlement of [Beit El and]{GPE} told him. [Bank of]{ORG} the West said nothing.",
        expect![[r#"
            E0 GPE "Beit El" kb=- mentions=[Beit El@31 name]
            E1 ORG "Bank" kb=- mentions=[Bank@53 name]
        "#]],
    );
}
