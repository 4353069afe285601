//! An article of our own with the seed article's kinds of dates (the seed
//! article itself is checked by `dossier eval seed`, outside the tests).

use expect_test::expect;

use crate::check;

#[test]
fn own_article_with_year_and_month_dates() {
    check(
        "The militia was set up in 2014 by defectors from three factions. Its leaders \
         declared a new province in January 2015, and the group has since claimed \
         dozens of attacks.",
        "2023-02-18",
        expect![[r#"
            '2014' DATE 2014
            'January 2015' DATE 2015-01
        "#]],
    );
}
