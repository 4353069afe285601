//! Every example of the issue (Deliver 1 and 2), and more of each kind.

use expect_test::expect;

use crate::{check, render};

#[test]
fn absolute_dates_in_news_forms() {
    check(
        "The vote was held on 18 February 2023. Feb. 18, 2023 was a Saturday. \
         Results came on February 18 and were filed as 2023-02-18 and 18/02/2023.",
        "2023-02-20",
        expect![[r#"
            '18 February 2023' DATE 2023-02-18
            'Feb. 18, 2023' DATE 2023-02-18
            'Saturday' DATE 2023-02-18
            'February 18' DATE 2023-02-18
            '2023-02-18' DATE 2023-02-18
            '18/02/2023' DATE 2023-02-18
        "#]],
    );
}

#[test]
fn slashed_dates_follow_the_day_month_rule() {
    // A part above 12 decides; otherwise day first.
    check(
        "Filed 02/18/2023, amended 04/05/2023 and 18.02.2023.",
        "2023-06-01",
        expect![[r#"
        '02/18/2023' DATE 2023-02-18
        '04/05/2023' DATE 2023-05-04
        '18.02.2023' DATE 2023-02-18
    "#]],
    );
}

#[test]
fn the_18th_is_a_day_of_the_article_month() {
    check(
        "The rally is set for the 18th.",
        "2023-02-10",
        expect![[r#"
        'the 18th' DATE 2023-02-18
    "#]],
    );
}

#[test]
fn months_years_decades_centuries() {
    check(
        "The group was founded in January 2015, grew in 2014 and the 1990s, \
         and traces its roots to the 19th century.",
        "2023-02-18",
        expect![[r#"
            'January 2015' DATE 2015-01
            '2014' DATE 2014
            'the 1990s' DATE 199
            'the 19th century' DATE 18
        "#]],
    );
}

#[test]
fn weekday_in_past_sentence_points_back() {
    // 2023-02-01 was a Wednesday.
    check(
        "Police said the attack happened on Monday.",
        "2023-02-01",
        expect![[r#"
        'Monday' DATE 2023-01-30
    "#]],
    );
}

#[test]
fn weekday_in_future_sentence_points_forward() {
    // 2024-03-04 was a Monday.
    check(
        "The verdict is expected to be announced on Saturday.",
        "2024-03-04",
        expect![[r#"
        'Saturday' DATE 2024-03-09
    "#]],
    );
}

#[test]
fn relative_days_weeks_months() {
    check(
        "He arrived yesterday, speaks today and leaves tomorrow. Prices rose last week \
         and will fall next month.",
        "2023-02-18",
        expect![[r#"
            'yesterday' DATE 2023-02-17
            'today' DATE 2023-02-18
            'tomorrow' DATE 2023-02-19
            'last week' DATE 2023-W06
            'next month' DATE 2023-03
        "#]],
    );
}

#[test]
fn november_last_year_and_since_november() {
    check(
        "Talks began in November last year and have stalled since November.",
        "2023-02-18",
        expect![[r#"
            'November last year' DATE 2022-11
            'November' DATE 2022-11
        "#]],
    );
}

#[test]
fn early_march_has_a_start_mod() {
    check(
        "Fighting eased in early March.",
        "2024-03-20",
        expect![[r#"
        'early March' DATE 2024-03 START
    "#]],
    );
}

#[test]
fn this_year_and_two_days_later() {
    check(
        "Elections are due this year. The army moved in on 3 May 2022, and two days later \
         the rebels withdrew. The next day they regrouped.",
        "2023-02-18",
        expect![[r#"
            'this year' DATE 2023
            '3 May 2022' DATE 2022-05-03
            'two days later' DATE 2022-05-05
            'The next day' DATE 2022-05-06
        "#]],
    );
}

#[test]
fn parts_of_days_and_clock_times() {
    // 2023-02-01 was a Wednesday.
    check(
        "The blast struck on Monday evening, and a curfew began at 3 p.m. local time.",
        "2023-02-01",
        expect![[r#"
            'Monday evening' TIME 2023-01-30TEV
            '3 p.m. local time' TIME 2023-02-01T15:00
        "#]],
    );
}

#[test]
fn durations_sets_and_fuzzy_references() {
    check(
        "The conflict has lasted 75 years. The siege took a month. Protesters gather \
         every Friday. In recent days the town has been calm, and is now quiet.",
        "2023-02-18",
        expect![[r#"
            '75 years' DURATION P75Y
            'a month' DURATION P1M
            'every Friday' SET XXXX-WXX-5
            'recent days' DATE PAST_REF
            'now' DATE PRESENT_REF
        "#]],
    );
}

#[test]
fn ranges_give_two_expressions() {
    check(
        "Attacks peaked between 2014 and 2016, and from January to March.",
        "2023-02-18",
        expect![[r#"
            '2014' DATE 2014
            '2016' DATE 2016
            'January' DATE 2022-01
            'March' DATE 2022-03
        "#]],
    );
}

#[test]
fn quarters_seasons_and_clock() {
    check(
        "Output fell in the first quarter. The offensive is planned for this summer. \
         The strike hit at 10:30 a.m. Monday.",
        "2023-02-18",
        expect![[r#"
            'the first quarter' DATE 2023-Q1
            'this summer' DATE 2023-SU
            '10:30 a.m. Monday' TIME 2023-02-13T10:30
        "#]],
    );
}

#[test]
fn numbers_that_are_not_years() {
    check(
        "The fund holds 379480 rupees and case 2882015. Call 0300-2014567 or \
         555-2014. A 1,000-strong force and 2015 soldiers took part.",
        "2023-02-18",
        expect![[r#""#]],
    );
}

#[test]
fn impossible_date_gives_a_diagnostic_not_a_value() {
    check(
        "The decree is dated February 30.",
        "2023-02-18",
        expect![[r#"
        'February 30' DATE -
        ! time expression 'February 30' has no value: impossible date: month 2 has no day 30; check the source text
    "#]],
    );
}

#[test]
fn without_article_date_relative_expressions_get_a_diagnostic() {
    let out = render("The army withdrew on Monday, in May 2014.", None);
    expect![[r#"
        'Monday' DATE -
        'May 2014' DATE 2014-05
        ! time expression 'Monday' has no value: no article date to anchor this expression; give the document a date
    "#]].assert_eq(&out);
}

#[test]
fn past_three_years_is_a_duration() {
    check(
        "Over the past three years, prices rose by a third. Two years ago they fell.",
        "2023-02-18",
        expect![[r#"
            'the past three years' DURATION P3Y
            'Two years ago' DATE 2021
        "#]],
    );
}

#[test]
fn that_year_refers_back_to_the_last_date() {
    check(
        "The faction was founded in March 2010. Later that year it split. \
         A couple of years ago it merged, and years ago it was feared.",
        "2014-05-01",
        expect![[r#"
            'March 2010' DATE 2010-03
            'Later that year' DATE 2010 END
            'A couple of years ago' DATE 2012
            'years ago' DATE PAST_REF
        "#]],
    );
}

#[test]
fn ages_are_not_durations() {
    check(
        "A 25-year-old man, aged 75 years old, was held for 48 hours.",
        "2014-05-01",
        expect![[r#"
        '48 hours' DURATION PT48H
    "#]],
    );
}
