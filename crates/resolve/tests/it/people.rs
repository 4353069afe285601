//! People linked to the shipped KB's curated list (`kb/curated/people.toml`).

use expect_test::{expect, Expect};

use crate::{parse_fixture, render, resolve, shipped_kb};

fn check(marked: &str, expect: Expect) {
    let (text, gold) = parse_fixture(marked);
    let doc = resolve(shipped_kb(), &text, &gold);
    expect.assert_eq(&render(&doc));
}

#[test]
fn full_name_links_and_surname_joins_it() {
    check(
        "[Imran Khan]{PER} spoke in Lahore. [Khan]{PER} later left.",
        expect![[r#"
            E0 PERSON "Imran Khan" kb=dossier:imran-khan aliases=[Khan] mentions=[Imran Khan@0 name, Khan@28 name]
        "#]],
    );
}

#[test]
fn surname_alone_stays_unlinked() {
    check(
        "[Khan]{PER} said talks went well.",
        expect![[r#"
            E0 PERSON "Khan" kb=- mentions=[Khan@0 name]
        "#]],
    );
}

#[test]
fn two_people_with_one_surname_get_their_own_ids() {
    check(
        "[Imran Khan]{PER} met [Sadiq Khan]{PER} and [Karim Khan]{PER}.",
        expect![[r#"
            E0 PERSON "Imran Khan" kb=dossier:imran-khan mentions=[Imran Khan@0 name]
            E1 PERSON "Sadiq Khan" kb=dossier:sadiq-khan mentions=[Sadiq Khan@15 name]
            E2 PERSON "Karim Khan" kb=dossier:karim-khan mentions=[Karim Khan@30 name]
        "#]],
    );
}

#[test]
fn transliteration_variant_links() {
    check(
        "[Zabiullah Mujahed]{PER} denied it; [Abu Mohammed al-Golani]{PER} did not.",
        expect![[r#"
            E0 PERSON "Zabihullah Mujahid" kb=dossier:zabihullah-mujahid aliases=[Zabiullah Mujahed] mentions=[Zabiullah Mujahed@0 name]
            E1 PERSON "Ahmed al-Sharaa" kb=dossier:ahmed-al-sharaa aliases=[Abu Mohammed al-Golani] mentions=[Abu Mohammed al-Golani@29 name]
        "#]],
    );
}

#[test]
fn vowel_variant_of_an_unlisted_spelling_links() {
    check(
        "[Hibatullah Akhondzada]{PER} issued a decree.",
        expect![[r#"
            E0 PERSON "Hibatullah Akhundzada" kb=dossier:hibatullah-akhundzada aliases=[Hibatullah Akhondzada] mentions=[Hibatullah Akhondzada@0 name]
        "#]],
    );
}

#[test]
fn title_before_the_name_does_not_block_linking() {
    check(
        "[President Joe Biden]{PER} met Prime Minister [Shehbaz Sharif]{PER}.",
        expect![[r#"
            E0 PERSON "Joe Biden" kb=Q6279 titles=[President] mentions=[President Joe Biden@0 name]
            E1 PERSON "Shehbaz Sharif" kb=dossier:shehbaz-sharif titles=[Prime Minister] mentions=[Shehbaz Sharif@39 name]
        "#]],
    );
}

#[test]
fn name_known_with_its_title_links() {
    check(
        "[Mullah Omar]{PER} died in 2013. [Sheikh Hasina]{PER} fled. Pope [Francis]{PER} prayed.",
        expect![[r#"
            E0 PERSON "Mullah Mohammad Omar" kb=dossier:mullah-omar titles=[Mullah] aliases=[Omar] mentions=[Mullah Omar@0 name]
            E1 PERSON "Sheikh Hasina" kb=dossier:sheikh-hasina titles=[Sheikh] aliases=[Hasina] mentions=[Sheikh Hasina@26 name]
            E2 PERSON "Pope Francis" kb=Q450675 titles=[Pope] aliases=[Francis] mentions=[Francis@51 name]
        "#]],
    );
}

#[test]
fn first_name_alone_does_not_link() {
    check(
        "[Imran]{PER} and [Joe]{PER} arrived.",
        expect![[r#"
            E0 PERSON "Imran" kb=- mentions=[Imran@0 name]
            E1 PERSON "Joe" kb=- mentions=[Joe@10 name]
        "#]],
    );
}

#[test]
fn one_name_the_kb_lists_alone_links() {
    check(
        "[Lula]{PER} and [Hemedti]{PER} spoke.",
        expect![[r#"
            E0 PERSON "Luiz Inácio Lula da Silva" kb=Q37181 aliases=[Lula] mentions=[Lula@0 name]
            E1 PERSON "Mohamed Hamdan Dagalo" kb=dossier:hemedti aliases=[Hemedti] mentions=[Hemedti@9 name]
        "#]],
    );
}

#[test]
fn places_and_groups_are_not_taken_for_people() {
    check(
        "[Jordan]{LOC} and [Georgia]{GPE} hosted [Thabo Mbeki]{LOC}; [Hamas]{ORG} and [Imran Khan]{ORG} replied.",
        expect![[r#"
            E0 GPE "Jordan" kb=Q810 geo=JO (31.00, 36.00) country mentions=[Jordan@0 name]
            E1 GPE "Georgia" kb=Q230 geo=GE (42.00, 43.50) country mentions=[Georgia@11 name]
            E2 GPE "Thabo Mbeki" kb=geonames:12718798 geo=ZA (-23.34, 28.01) city mentions=[Thabo Mbeki@26 name]
            E3 ORG "Hamas" kb=Q38799 mentions=[Hamas@39 name]
            E4 ORG "Imran Khan" kb=- mentions=[Imran Khan@49 name]
        "#]],
    );
}

#[test]
fn a_name_two_people_share_stays_unlinked() {
    let mut kb = dossier_kb::Kb::empty();
    kb.add_toml(
        "two.toml",
        r#"
        [[entry]]
        id = "dossier:a"
        kind = "person"
        name = "Ali Hassan"

        [[entry]]
        id = "dossier:b"
        kind = "person"
        name = "Ali Hassan"

        [[entry]]
        id = "dossier:c"
        kind = "person"
        name = "Omar Farouk"
        "#,
    )
    .unwrap();
    let (text, gold) = parse_fixture("[Ali Hassan]{PER} met [Omar Farouk]{PER}.");
    let doc = resolve(std::sync::Arc::new(kb), &text, &gold);
    expect![[r#"
        E0 PERSON "Ali Hassan" kb=- mentions=[Ali Hassan@0 name]
        E1 PERSON "Omar Farouk" kb=dossier:c mentions=[Omar Farouk@15 name]
    "#]]
    .assert_eq(&render(&doc));
}
