//! Tokens and sentences of short fixtures.

use dossier_text::{tokenize, TokenKind, Tokens};
use expect_test::{expect, Expect};

fn check(input: &str, expect: Expect) {
    expect.assert_eq(&crate::render(input));
}

/// Renders the tokens that are not plain words or punctuation with their kind.
fn check_kinds(input: &str, expect: Expect) {
    let mut tokens = Tokens::default();
    tokenize::tokenize_into(input, &mut tokens);
    let mut out = String::new();
    for i in 0..tokens.len() {
        let kind = tokens.kind[i];
        if !matches!(kind, TokenKind::Word | TokenKind::Punct) {
            let t = &input[tokens.start[i] as usize..tokens.end[i] as usize];
            out.push_str(&format!("{kind:?} '{t}'\n"));
        }
    }
    expect.assert_eq(&out);
}

#[test]
fn empty_and_blank_text() {
    check("", expect![[""]]);
    check(" \n\t \n ", expect![[""]]);
}

#[test]
fn titles_do_not_end_sentences() {
    check(
        "Gen. Asim Munir met Lt. Gen. Faiz Hameed. Mr. Khan and Dr. Ali did not.",
        expect![[r#"
        'Gen.' 'Asim' 'Munir' 'met' 'Lt.' 'Gen.' 'Faiz' 'Hameed' '.'
        'Mr.' 'Khan' 'and' 'Dr.' 'Ali' 'did' 'not' '.'
    "#]],
    );
}

#[test]
fn dotted_acronyms_keep_their_stop() {
    check(
        "The U.S. and the U.K. agreed. Talks resume in the U.S. The U.N. said so.",
        expect![[r#"
        'The' 'U.S.' 'and' 'the' 'U.K.' 'agreed' '.'
        'Talks' 'resume' 'in' 'the' 'U.S.'
        'The' 'U.N.' 'said' 'so' '.'
    "#]],
    );
}

#[test]
fn dotted_acronym_before_a_name_does_not_split() {
    check(
        "U.S. President Joe Biden spoke at 9 a.m. on Monday.",
        expect![[r#"
        'U.S.' 'President' 'Joe' 'Biden' 'spoke' 'at' '9' 'a.m.' 'on' 'Monday' '.'
    "#]],
    );
}

#[test]
fn months_and_numbers_do_not_split() {
    check(
        "It happened on Jan. 5 and Feb. 12, 2015. It was No. 2 on the list.",
        expect![[r#"
        'It' 'happened' 'on' 'Jan.' '5' 'and' 'Feb.' '12' ',' '2015' '.'
        'It' 'was' 'No.' '2' 'on' 'the' 'list' '.'
    "#]],
    );
}

#[test]
fn no_without_number_ends_sentence() {
    check(
        "The answer was no. Nobody asked again.",
        expect![[r#"
        'The' 'answer' 'was' 'no' '.'
        'Nobody' 'asked' 'again' '.'
    "#]],
    );
}

#[test]
fn saint_and_street() {
    check(
        "He flew to St. Petersburg. The office is on Main St. The lease ends soon.",
        expect![[r#"
        'He' 'flew' 'to' 'St.' 'Petersburg' '.'
        'The' 'office' 'is' 'on' 'Main' 'St.'
        'The' 'lease' 'ends' 'soon' '.'
    "#]],
    );
}

#[test]
fn initials_stay_with_the_name() {
    check(
        "J. R. R. Tolkien and J.R.R. Tolkien wrote it. George W. Bush agreed.",
        expect![[r#"
        'J.' 'R.' 'R.' 'Tolkien' 'and' 'J.R.R.' 'Tolkien' 'wrote' 'it' '.'
        'George' 'W.' 'Bush' 'agreed' '.'
    "#]],
    );
}

#[test]
fn decimals_and_thousands() {
    check(
        "Prices rose 3.5 percent to $1,000,000, or 12.75%. Another 1,200 fled.",
        expect![[r#"
        'Prices' 'rose' '3.5' 'percent' 'to' '$' '1,000,000' ',' 'or' '12.75' '%' '.'
        'Another' '1,200' 'fled' '.'
    "#]],
    );
}

#[test]
fn number_at_sentence_end() {
    check(
        "The group was founded in 2015. Its leader died in 2016.",
        expect![[r#"
        'The' 'group' 'was' 'founded' 'in' '2015' '.'
        'Its' 'leader' 'died' 'in' '2016' '.'
    "#]],
    );
}

#[test]
fn times_dates_and_ratios() {
    check(
        "At 10:30 on 26/08/2021 the 9/11 anniversary loomed, 24/7.",
        expect![[r#"
        'At' '10:30' 'on' '26/08/2021' 'the' '9/11' 'anniversary' 'loomed' ',' '24/7' '.'
    "#]],
    );
}

#[test]
fn curly_and_straight_quotes() {
    check(
        "“We will fight,” he said. \"We will win,\" she said. ‘Never.’",
        expect![[r#"
        '“' 'We' 'will' 'fight' ',' '”' 'he' 'said' '.'
        '"' 'We' 'will' 'win' ',' '"' 'she' 'said' '.'
        '‘' 'Never' '.' '’'
    "#]],
    );
}

#[test]
fn possessives_split_off() {
    check(
        "Khan’s rise and Pakistan's army and the ISKP’s aims and the students' union.",
        expect![[r#"
        'Khan' '’s' 'rise' 'and' 'Pakistan' ''s' 'army' 'and' 'the' 'ISKP' '’s' 'aims' 'and' 'the' 'students' ''' 'union' '.'
    "#]],
    );
}

#[test]
fn contractions_split_like_ptb() {
    check(
        "I don't know, we can't go, they won't stay, it isn't true, he's here.",
        expect![[r#"
        'I' 'do' 'n't' 'know' ',' 'we' 'ca' 'n't' 'go' ',' 'they' 'wo' 'n't' 'stay' ',' 'it' 'is' 'n't' 'true' ',' 'he' ''s' 'here' '.'
    "#]],
    );
    check(
        "We're sure they'll come, I'm told, you'd think we've won. DON'T.",
        expect![[r#"
        'We' ''re' 'sure' 'they' ''ll' 'come' ',' 'I' ''m' 'told' ',' 'you' ''d' 'think' 'we' ''ve' 'won' '.'
        'DO' 'N'T' '.'
    "#]],
    );
}

#[test]
fn cannot_splits_like_cant() {
    check(
        "They cannot leave and Cannot stay.",
        expect![[r#"
        'They' 'can' 'not' 'leave' 'and' 'Can' 'not' 'stay' '.'
    "#]],
    );
}

#[test]
fn acronym_then_quoted_sentence_splits() {
    check(
        "He moved to the U.S. “We were afraid,” he said. The U.S. “allies” left.",
        expect![[r#"
        'He' 'moved' 'to' 'the' 'U.S.'
        '“' 'We' 'were' 'afraid' ',' '”' 'he' 'said' '.'
        'The' 'U.S.' '“' 'allies' '”' 'left' '.'
    "#]],
    );
}

#[test]
fn decade_and_combining_accent() {
    check(
        "In the ’90s, Bogota\u{301}’s mayor met O’Neill’s aide.",
        expect![[r#"
        'In' 'the' '’90s' ',' 'Bogotá' '’s' 'mayor' 'met' 'O’Neill' '’s' 'aide' '.'
    "#]],
    );
}

#[test]
fn apostrophes_inside_names_stay() {
    check(
        "O'Brien met Ya'alon in Sana'a and read the Qur’an at 5 o'clock.",
        expect![[r#"
        'O'Brien' 'met' 'Ya'alon' 'in' 'Sana'a' 'and' 'read' 'the' 'Qur’an' 'at' '5' 'o'clock' '.'
    "#]],
    );
}

#[test]
fn hyphenated_names_stay_whole() {
    check(
        "Tehrik-i-Taliban, Jamaat-ul-Ahrar and al-Logari claimed a U.S.-backed F-16 raid.",
        expect![[r#"
        'Tehrik-i-Taliban' ',' 'Jamaat-ul-Ahrar' 'and' 'al-Logari' 'claimed' 'a' 'U.S.-backed' 'F-16' 'raid' '.'
    "#]],
    );
}

#[test]
fn urls_emails_handles_hashtags() {
    check(
        "See https://www.dawn.com/news/1736789. Mail press@un.org or tweet @Reuters_World #Pakistan (www.bbc.co.uk/news).",
        expect![[r#"
            'See' 'https://www.dawn.com/news/1736789' '.'
            'Mail' 'press@un.org' 'or' 'tweet' '@Reuters_World' '#Pakistan' '(' 'www.bbc.co.uk/news' ')' '.'
        "#]],
    );
    check_kinds(
        "See https://en.wikipedia.org/wiki/Kabul_(city), dawn.com, first.last@gov.pk, @UN, #TTP and #1.",
        expect![[r#"
            Url 'https://en.wikipedia.org/wiki/Kabul_(city)'
            Url 'dawn.com'
            Email 'first.last@gov.pk'
            Handle '@UN'
            Hashtag '#TTP'
            Symbol '#'
            Number '1'
        "#]],
    );
}

#[test]
fn ellipses_and_dashes() {
    check(
        "He paused... Then he left — quietly -- and… the crowd waited. It was over...and done.",
        expect![[r#"
        'He' 'paused' '...'
        'Then' 'he' 'left' '—' 'quietly' '--' 'and' '…' 'the' 'crowd' 'waited' '.'
        'It' 'was' 'over' '...' 'and' 'done' '.'
    "#]],
    );
}

#[test]
fn spaced_ellipsis_is_one_end_of_sentence() {
    check(
        "The talks collapsed . . . Nobody came. Really ? ! Yes.",
        expect![[r#"
        'The' 'talks' 'collapsed' '.' '.' '.'
        'Nobody' 'came' '.'
        'Really' '?' '!'
        'Yes' '.'
    "#]],
    );
}

#[test]
fn parentheses() {
    check("The Tehrik-i-Taliban Pakistan (TTP) said so. (The claim was denied.) Officials (some) agreed.", expect![[r#"
        'The' 'Tehrik-i-Taliban' 'Pakistan' '(' 'TTP' ')' 'said' 'so' '.'
        '(' 'The' 'claim' 'was' 'denied' '.' ')'
        'Officials' '(' 'some' ')' 'agreed' '.'
    "#]]);
}

#[test]
fn quote_closes_after_full_stop() {
    check(
        "He backed so-called ‘Slams banking.’ The Taliban disagreed.",
        expect![[r#"
        'He' 'backed' 'so-called' '‘' 'Slams' 'banking' '.' '’'
        'The' 'Taliban' 'disagreed' '.'
    "#]],
    );
    check(
        "He said: “It is over.” Then he left.",
        expect![[r#"
        'He' 'said' ':' '“' 'It' 'is' 'over' '.' '”'
        'Then' 'he' 'left' '.'
    "#]],
    );
}

#[test]
fn quote_closes_before_full_stop() {
    check(
        "It published a magazine named “Voice of Hind”. It was banned.",
        expect![[r#"
        'It' 'published' 'a' 'magazine' 'named' '“' 'Voice' 'of' 'Hind' '”' '.'
        'It' 'was' 'banned' '.'
    "#]],
    );
}

#[test]
fn question_inside_quote_followed_by_speech_verb() {
    check(
        "“Why now?” he asked. “Because!” she said. Really?! Yes.",
        expect![[r#"
        '“' 'Why' 'now' '?' '”' 'he' 'asked' '.'
        '“' 'Because' '!' '”' 'she' 'said' '.'
        'Really' '?!'
        'Yes' '.'
    "#]],
    );
}

#[test]
fn quotation_stays_with_its_speaker() {
    check(
        "“Who did this?” Imran Khan asked. “Enough!” Khan said. “Never.” The talks ended.",
        expect![[r#"
            '“' 'Who' 'did' 'this' '?' '”' 'Imran' 'Khan' 'asked' '.'
            '“' 'Enough' '!' '”' 'Khan' 'said' '.'
            '“' 'Never' '.' '”'
            'The' 'talks' 'ended' '.'
        "#]],
    );
}

#[test]
fn dateline_stays_with_first_sentence() {
    check(
        "KABUL, Aug 26 (Reuters) - Two blasts hit the airport. Dozens died.",
        expect![[r#"
        'KABUL' ',' 'Aug' '26' '(' 'Reuters' ')' '-' 'Two' 'blasts' 'hit' 'the' 'airport' '.'
        'Dozens' 'died' '.'
    "#]],
    );
    check(
        "BAMAKO, Mali, Sept. 3 (AP) — Gunmen attacked a convoy. Nobody claimed it.",
        expect![[r#"
        'BAMAKO' ',' 'Mali' ',' 'Sept.' '3' '(' 'AP' ')' '—' 'Gunmen' 'attacked' 'a' 'convoy' '.'
        'Nobody' 'claimed' 'it' '.'
    "#]],
    );
}

#[test]
fn paragraph_break_always_ends_a_sentence() {
    check(
        "Gunmen attacked a convoy\n\nThe army said\r\n\r\nfive died",
        expect![[r#"
        'Gunmen' 'attacked' 'a' 'convoy'
        'The' 'army' 'said'
        'five' 'died'
    "#]],
    );
}

#[test]
fn headline_without_punctuation_ends_at_blank_line() {
    check(
        "Taliban seize Kabul airport\n\nKABUL, Aug 15 (Reuters) - Fighters entered the city.",
        expect![[r#"
        'Taliban' 'seize' 'Kabul' 'airport'
        'KABUL' ',' 'Aug' '15' '(' 'Reuters' ')' '-' 'Fighters' 'entered' 'the' 'city' '.'
    "#]],
    );
}

#[test]
fn dateline_after_single_line_break_starts_a_sentence() {
    check(
        "Taliban seize Kabul airport\nKABUL, Aug 15 (Reuters) - Fighters entered.",
        expect![[r#"
        'Taliban' 'seize' 'Kabul' 'airport'
        'KABUL' ',' 'Aug' '15' '(' 'Reuters' ')' '-' 'Fighters' 'entered' '.'
    "#]],
    );
    check(
        "Floods hit Assam\nNEW DELHI (AP) — Rivers rose.",
        expect![[r#"
        'Floods' 'hit' 'Assam'
        'NEW' 'DELHI' '(' 'AP' ')' '—' 'Rivers' 'rose' '.'
    "#]],
    );
    check(
        "It was backed by the\nISKP, an affiliate of ISIS.",
        expect![[r#"
        'It' 'was' 'backed' 'by' 'the' 'ISKP' ',' 'an' 'affiliate' 'of' 'ISIS' '.'
    "#]],
    );
}

#[test]
fn headline_on_its_own_line_ends_before_a_single_line_break() {
    // Sentence case, over a body line more than twice as long.
    check(
        "Suicide bomber kills 12 at Kabul mosque\nA bomber struck worshippers at a mosque in western Kabul on Friday, police said.",
        expect![[r#"
        'Suicide' 'bomber' 'kills' '12' 'at' 'Kabul' 'mosque'
        'A' 'bomber' 'struck' 'worshippers' 'at' 'a' 'mosque' 'in' 'western' 'Kabul' 'on' 'Friday' ',' 'police' 'said' '.'
    "#]],
    );
    // Title Case and ALL CAPS, whatever the length of the line below.
    check(
        "Floods Displace Thousands in Northern Nigeria\nRivers rose.\nARMY RETAKES TOWN\nTroops entered Palma.",
        expect![[r#"
        'Floods' 'Displace' 'Thousands' 'in' 'Northern' 'Nigeria'
        'Rivers' 'rose' '.'
        'ARMY' 'RETAKES' 'TOWN'
        'Troops' 'entered' 'Palma' '.'
    "#]],
    );
}

#[test]
fn hard_wrapped_lines_run_on() {
    // Lines of even width, ending mid-sentence in content words or in
    // function words, and lines that do not start a sentence.
    check(
        "The army said on Monday that it had killed five militants in northern\nKunduz province, where the Taliban and ISKP have clashed since\nMarch. Officials in the provincial capital confirmed the toll to\nReporters on Tuesday.",
        expect![[r#"
        'The' 'army' 'said' 'on' 'Monday' 'that' 'it' 'had' 'killed' 'five' 'militants' 'in' 'northern' 'Kunduz' 'province' ',' 'where' 'the' 'Taliban' 'and' 'ISKP' 'have' 'clashed' 'since' 'March' '.'
        'Officials' 'in' 'the' 'provincial' 'capital' 'confirmed' 'the' 'toll' 'to' 'Reporters' 'on' 'Tuesday' '.'
    "#]],
    );
}

#[test]
fn single_line_break_does_not_split() {
    check(
        "Gen. Asim\nMunir visited the\nUS. He left.",
        expect![[r#"
        'Gen.' 'Asim' 'Munir' 'visited' 'the' 'US' '.'
        'He' 'left' '.'
    "#]],
    );
}

#[test]
fn company_suffix_ends_sentence_before_opener() {
    check(
        "He worked for Acme Inc. The firm denied it. She joined Acme Inc. later.",
        expect![[r#"
        'He' 'worked' 'for' 'Acme' 'Inc.'
        'The' 'firm' 'denied' 'it' '.'
        'She' 'joined' 'Acme' 'Inc.' 'later' '.'
    "#]],
    );
}

#[test]
fn email_at_end_of_sentence() {
    check(
        "Write to tips@example.org. We reply.",
        expect![[r#"
        'Write' 'to' 'tips@example.org' '.'
        'We' 'reply' '.'
    "#]],
    );
}

#[test]
fn decorative_runs_are_one_token() {
    check(
        "Breaking ***** news ===== here ____ 2+2 <<end>>",
        expect![[r#"
        'Breaking' '*****' 'news' '=====' 'here' '____' '2' '+' '2' '<<' 'end' '>>'
    "#]],
    );
}

#[test]
fn unicode_words_and_symbols() {
    check(
        "Café owners in Bogotá paid €5 and ₹300 for naïve coffee 👍🏽. Done.",
        expect![[r#"
        'Café' 'owners' 'in' 'Bogotá' 'paid' '€' '5' 'and' '₹' '300' 'for' 'naïve' 'coffee' '👍🏽' '.'
        'Done' '.'
    "#]],
    );
}

#[test]
fn segmenter_component_fills_and_replaces_layers() {
    use dossier_text::{tokenize::Segmenter, Component, Document};
    let mut doc = Document::new(
        "Mr. Khan left. He returned.".to_string(),
        Default::default(),
    );
    assert_eq!(Segmenter.name(), "segment.v1");
    Segmenter.process(&mut doc);
    Segmenter.process(&mut doc);
    assert_eq!((doc.tokens.len(), doc.sentences.len()), (7, 2));
    assert!(doc.diagnostics.is_empty());
}

#[test]
fn ellipsis_then_full_stop_ends_sentence() {
    check(
        "It was over.... Officials left.",
        expect![[r#"
        'It' 'was' 'over' '....'
        'Officials' 'left' '.'
    "#]],
    );
}

#[test]
fn arabic_script_and_full_stop() {
    check(
        "Mufti Taqi Usmani (مفتی تقی عثمانی) spoke۔ He left.",
        expect![[r#"
        'Mufti' 'Taqi' 'Usmani' '(' 'مفتی' 'تقی' 'عثمانی' ')' 'spoke' '۔'
        'He' 'left' '.'
    "#]],
    );
}

/// The cased text the models read, for a text in one case.
fn check_cased(input: &str, expect: Expect) {
    let mut doc = dossier_text::Document::new(input.to_string(), Default::default());
    tokenize::segment(&mut doc);
    expect.assert_eq(doc.cased_text());
}

#[test]
fn lowercased_article_is_truecased_like_capitals() {
    // A corpus that lowercased its text (the GTT copy of MUC-4) carries no
    // case: the models read it truecased, as they read wire copy.
    check_cased(
        "police said that guerrillas attacked a bus in lima on monday. the army said that nobody was hurt in the attack, which took place near the border.",
        expect![["Police said that guerrillas attacked a bus in Lima on Monday. The army said that nobody was hurt in the attack, which took place near the border."]],
    );
    // Mixed-case prose with few capitals is left as written.
    let prose = "The army said on Monday that the attack on the farm near the border had been carried out by a group of rebels, and that nobody was hurt in it.";
    check_cased(prose, expect![["The army said on Monday that the attack on the farm near the border had been carried out by a group of rebels, and that nobody was hurt in it."]]);
}
