//! A small scanner that cuts the raw text into word, number and punctuation
//! tokens and classifies each word once against the time lexicon.
//!
//! Hand-written rather than regex-driven because the recogniser looks at
//! every token of every article: one pass over the bytes with no allocation
//! per token keeps the stage well above 20 MB/s on one core.

/// What a token is, for the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A word the rules do not care about.
    Other,
    /// Punctuation or a symbol; the byte is kept (0 for non-ASCII).
    Punct(u8),
    /// A run of digits, maybe with letters glued on ("1990s", "18th", "3pm").
    Num {
        val: u32,
        digits: u8,
        suffix: Suffix,
    },
    Month(u8),
    Weekday(u8),
    /// Plural weekdays ("Mondays") mark sets.
    Weekdays(u8),
    Unit(Unit, bool),
    /// "one" .. "ninety", "dozen", "hundred".
    NumWord(u32),
    /// "first" .. "twelfth" (and "twentieth", "twenty-first" comes as two words).
    Ordinal(u8),
    Season(u8),
    DayPart(DayPart),
    Kw(Kw),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suffix {
    None,
    /// "st", "nd", "rd", "th"
    Ordinal,
    /// "s", as in "1990s"
    Plural,
    Am,
    Pm,
    Other,
}

/// Units of time, smallest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    Noon,
    Midnight,
}

impl DayPart {
    /// The TIMEX3 part-of-day code, or `None` for the two clock points.
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Noon => "12:00",
            DayPart::Midnight => "24:00",
        }
    }
}

/// Keywords the rules look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    The,
    A,
    This,
    That,
    Last,
    Next,
    Past,
    Previous,
    Coming,
    Following,
    Ago,
    Later,
    Earlier,
    Before,
    After,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Of,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Nowadays,
    Recently,
    Recent,
    Future,
    Present,
    Near,
    Every,
    Each,
    Per,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Hourly,
    Several,
    Few,
    Many,
    Some,
    About,
    Around,
    Approximately,
    Nearly,
    Almost,
    More,
    Less,
    Than,
    Over,
    At,
    Least,
    Up,
    To,
    Fiscal,
    Since,
    From,
    Between,
    And,
    In,
    On,
    By,
    Until,
    During,
    For,
    Within,
    Half,
    Other,
    Same,
    Christmas,
    Thanksgiving,
    Halloween,
    NewYear,
    Eve,
    Local,
    Time,
    Zone,
    Right,
    Through,
    When,
    Into,
    Long,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: u32,
    pub end: u32,
    pub lex: Lex,
    /// The word starts with an uppercase letter.
    pub upper: bool,
    /// What the word says about tense, for reading "on Monday" as past or
    /// future; set once here so the rules never look words up again.
    pub mark: Mark,
}

/// Tense marks of plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    None,
    Past,
    Future,
    /// A word in "-ed": past, unless a participle after "be" or "to".
    Ed,
}

/// Cuts `text` into tokens. Whitespace is dropped; gaps between tokens are
/// visible as `tok[i].end < tok[i + 1].start`.
pub(crate) fn scan(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let dend = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let lex = number(&b[start..dend], &b[dend..i]);
            out.push(tok(start, i, lex, false));
        } else if c.is_ascii_alphabetic() {
            while i < b.len() && (b[i].is_ascii_alphanumeric()) {
                i += 1;
            }
            let lex = classify(&b[start..i]);
            let mut t = tok(start, i, lex, c.is_ascii_uppercase());
            if lex == Lex::Other {
                t.mark = mark(&b[start..i]);
            }
            out.push(t);
        } else if c < 0x80 {
            i += 1;
            out.push(tok(start, i, Lex::Punct(c), false));
        } else {
            // A non-ASCII character: keep a run of them as one opaque token,
            // except typographic dashes and quotes, which the range and
            // decade rules look at.
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            let lex = match ch {
                '\u{2013}' | '\u{2014}' => Lex::Punct(b'-'),
                '\u{2019}' | '\u{2018}' => Lex::Punct(b'\''),
                c if c.is_whitespace() => continue,
                _ => {
                    while i < b.len() && b[i] >= 0x80 {
                        let ch = text[i..].chars().next().unwrap_or(' ');
                        if ch.is_whitespace()
                            || matches!(
                                ch,
                                '\u{2013}'
                                    | '\u{2014}'
                                    | '\u{2019}'
                                    | '\u{2018}'
                                    | '\u{201c}'
                                    | '\u{201d}'
                            )
                        {
                            break;
                        }
                        i += ch.len_utf8();
                    }
                    Lex::Punct(0)
                }
            };
            out.push(tok(start, i, lex, false));
        }
    }
}

fn tok(start: usize, end: usize, lex: Lex, upper: bool) -> Tok {
    Tok {
        start: start as u32,
        end: end as u32,
        lex,
        upper,
        mark: Mark::None,
    }
}

/// The tense mark of a word the lexicon does not know.
fn mark(w: &[u8]) -> Mark {
    if w.len() > 10 {
        return Mark::None;
    }
    let mut buf = [0u8; 10];
    let w = lower(w, &mut buf);
    match w {
        b"will" | b"shall" | b"ll" | b"wo" | b"expected" | b"expects" | b"expect"
        | b"scheduled" | b"due" | b"plans" | b"plan" | b"planning" | b"intends" | b"slated"
        | b"aims" | b"going" => Mark::Future,
        b"was" | b"were" | b"had" | b"did" | b"said" | b"told" | b"went" | b"came" | b"took"
        | b"made" | b"met" | b"left" | b"began" | b"fled" | b"held" | b"saw" | b"gave" | b"got"
        | b"fell" | b"won" | b"lost" | b"led" | b"fought" | b"struck" | b"found" | b"sent"
        | b"spoke" | b"wrote" | b"brought" | b"thought" | b"kept" | b"became" | b"ran"
        | b"shot" | b"knew" | b"rose" | b"stood" | b"sold" | b"paid" | b"built" | b"broke"
        | b"caught" | b"chose" | b"drove" | b"flew" | b"forgot" | b"grew" | b"hid" | b"meant"
        | b"overtook" | b"sought" | b"swore" | b"threw" | b"wore" | b"withdrew" => Mark::Past,
        _ if w.len() > 4 && w.ends_with(b"ed") => Mark::Ed,
        _ => Mark::None,
    }
}

fn number(digits: &[u8], suffix: &[u8]) -> Lex {
    let mut val: u32 = 0;
    for &d in digits.iter().take(9) {
        val = val * 10 + u32::from(d - b'0');
    }
    if digits.len() > 9 {
        val = u32::MAX;
    }
    let mut buf = [0u8; 8];
    let suffix = if suffix.is_empty() {
        Suffix::None
    } else if suffix.len() <= 2 {
        let s = lower(suffix, &mut buf);
        match s {
            b"st" | b"nd" | b"rd" | b"th" => Suffix::Ordinal,
            b"s" => Suffix::Plural,
            b"am" => Suffix::Am,
            b"pm" => Suffix::Pm,
            _ => Suffix::Other,
        }
    } else {
        Suffix::Other
    };
    Lex::Num {
        val,
        digits: digits.len().min(255) as u8,
        suffix,
    }
}

fn lower<'a>(w: &[u8], buf: &'a mut [u8]) -> &'a [u8] {
    let n = w.len().min(buf.len());
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    &buf[..n]
}

/// Classifies one ASCII word, case-insensitively.
fn classify(w: &[u8]) -> Lex {
    if w.len() > 14 {
        return Lex::Other;
    }
    let mut buf = [0u8; 14];
    let w = lower(w, &mut buf);
    use Kw::*;
    use Lex::Kw as K;
    match w {
        b"january" | b"jan" => Lex::Month(1),
        b"february" | b"feb" => Lex::Month(2),
        b"march" => Lex::Month(3),
        b"april" | b"apr" => Lex::Month(4),
        b"may" => Lex::Month(5),
        b"june" | b"jun" => Lex::Month(6),
        b"july" | b"jul" => Lex::Month(7),
        b"august" | b"aug" => Lex::Month(8),
        b"september" | b"sept" | b"sep" => Lex::Month(9),
        b"october" | b"oct" => Lex::Month(10),
        b"november" | b"nov" => Lex::Month(11),
        b"december" | b"dec" => Lex::Month(12),
        b"monday" => Lex::Weekday(1),
        b"tuesday" | b"tue" | b"tues" => Lex::Weekday(2),
        b"wednesday" => Lex::Weekday(3),
        b"thursday" | b"thu" | b"thurs" => Lex::Weekday(4),
        b"friday" | b"fri" => Lex::Weekday(5),
        b"saturday" => Lex::Weekday(6),
        b"sunday" => Lex::Weekday(7),
        b"mondays" => Lex::Weekdays(1),
        b"tuesdays" => Lex::Weekdays(2),
        b"wednesdays" => Lex::Weekdays(3),
        b"thursdays" => Lex::Weekdays(4),
        b"fridays" => Lex::Weekdays(5),
        b"saturdays" => Lex::Weekdays(6),
        b"sundays" => Lex::Weekdays(7),
        b"second" => Lex::Ordinal(2),
        b"seconds" | b"sec" | b"secs" => Lex::Unit(Unit::Second, true),
        b"minute" => Lex::Unit(Unit::Minute, false),
        b"minutes" | b"min" | b"mins" => Lex::Unit(Unit::Minute, true),
        b"hour" => Lex::Unit(Unit::Hour, false),
        b"hours" | b"hrs" => Lex::Unit(Unit::Hour, true),
        b"day" => Lex::Unit(Unit::Day, false),
        b"days" => Lex::Unit(Unit::Day, true),
        b"week" => Lex::Unit(Unit::Week, false),
        b"weeks" => Lex::Unit(Unit::Week, true),
        b"weekend" => Lex::Unit(Unit::Weekend, false),
        b"weekends" => Lex::Unit(Unit::Weekend, true),
        b"fortnight" => Lex::Unit(Unit::Fortnight, false),
        b"month" => Lex::Unit(Unit::Month, false),
        b"months" => Lex::Unit(Unit::Month, true),
        b"quarter" => Lex::Unit(Unit::Quarter, false),
        b"quarters" => Lex::Unit(Unit::Quarter, true),
        b"year" => Lex::Unit(Unit::Year, false),
        b"years" => Lex::Unit(Unit::Year, true),
        b"decade" => Lex::Unit(Unit::Decade, false),
        b"decades" => Lex::Unit(Unit::Decade, true),
        b"century" => Lex::Unit(Unit::Century, false),
        b"centuries" => Lex::Unit(Unit::Century, true),
        b"one" => Lex::NumWord(1),
        b"two" => Lex::NumWord(2),
        b"three" => Lex::NumWord(3),
        b"four" => Lex::NumWord(4),
        b"five" => Lex::NumWord(5),
        b"six" => Lex::NumWord(6),
        b"seven" => Lex::NumWord(7),
        b"eight" => Lex::NumWord(8),
        b"nine" => Lex::NumWord(9),
        b"ten" => Lex::NumWord(10),
        b"eleven" => Lex::NumWord(11),
        b"twelve" => Lex::NumWord(12),
        b"thirteen" => Lex::NumWord(13),
        b"fourteen" => Lex::NumWord(14),
        b"fifteen" => Lex::NumWord(15),
        b"sixteen" => Lex::NumWord(16),
        b"seventeen" => Lex::NumWord(17),
        b"eighteen" => Lex::NumWord(18),
        b"nineteen" => Lex::NumWord(19),
        b"twenty" => Lex::NumWord(20),
        b"thirty" => Lex::NumWord(30),
        b"forty" => Lex::NumWord(40),
        b"fifty" => Lex::NumWord(50),
        b"sixty" => Lex::NumWord(60),
        b"seventy" => Lex::NumWord(70),
        b"eighty" => Lex::NumWord(80),
        b"ninety" => Lex::NumWord(90),
        b"hundred" => Lex::NumWord(100),
        b"dozen" => Lex::NumWord(12),
        b"first" => Lex::Ordinal(1),
        b"third" => Lex::Ordinal(3),
        b"fourth" => Lex::Ordinal(4),
        b"fifth" => Lex::Ordinal(5),
        b"sixth" => Lex::Ordinal(6),
        b"seventh" => Lex::Ordinal(7),
        b"eighth" => Lex::Ordinal(8),
        b"ninth" => Lex::Ordinal(9),
        b"tenth" => Lex::Ordinal(10),
        b"eleventh" => Lex::Ordinal(11),
        b"twelfth" => Lex::Ordinal(12),
        b"thirteenth" => Lex::Ordinal(13),
        b"fourteenth" => Lex::Ordinal(14),
        b"fifteenth" => Lex::Ordinal(15),
        b"sixteenth" => Lex::Ordinal(16),
        b"seventeenth" => Lex::Ordinal(17),
        b"eighteenth" => Lex::Ordinal(18),
        b"nineteenth" => Lex::Ordinal(19),
        b"twentieth" => Lex::Ordinal(20),
        b"spring" => Lex::Season(1),
        b"summer" => Lex::Season(2),
        b"autumn" | b"fall" => Lex::Season(3),
        b"winter" => Lex::Season(4),
        b"morning" => Lex::DayPart(DayPart::Morning),
        b"afternoon" => Lex::DayPart(DayPart::Afternoon),
        b"evening" => Lex::DayPart(DayPart::Evening),
        b"night" | b"overnight" => Lex::DayPart(DayPart::Night),
        b"noon" | b"midday" => Lex::DayPart(DayPart::Noon),
        b"midnight" => Lex::DayPart(DayPart::Midnight),
        b"the" => K(The),
        b"a" | b"an" => K(A),
        b"this" => K(This),
        b"that" => K(That),
        b"last" => K(Last),
        b"next" => K(Next),
        b"past" => K(Past),
        b"previous" | b"preceding" | b"prior" => K(Previous),
        b"coming" | b"upcoming" => K(Coming),
        b"following" | b"subsequent" => K(Following),
        b"ago" => K(Ago),
        b"later" => K(Later),
        b"earlier" => K(Earlier),
        b"before" => K(Before),
        b"after" => K(After),
        b"early" => K(Early),
        b"late" => K(Late),
        b"mid" => K(Mid),
        b"middle" => K(Middle),
        b"end" => K(End),
        b"beginning" => K(Beginning),
        b"start" => K(Start),
        b"of" => K(Of),
        b"today" => K(Today),
        b"yesterday" => K(Yesterday),
        b"tomorrow" => K(Tomorrow),
        b"tonight" => K(Tonight),
        b"now" => K(Now),
        b"currently" => K(Currently),
        b"nowadays" => K(Nowadays),
        b"recently" => K(Recently),
        b"recent" => K(Recent),
        b"future" => K(Future),
        b"present" => K(Present),
        b"near" => K(Near),
        b"every" => K(Every),
        b"each" => K(Each),
        b"per" => K(Per),
        b"daily" => K(Daily),
        b"weekly" => K(Weekly),
        b"monthly" => K(Monthly),
        b"annually" | b"yearly" => K(Annually),
        b"hourly" => K(Hourly),
        b"several" => K(Several),
        b"few" => K(Few),
        b"many" => K(Many),
        b"some" => K(Some),
        b"about" => K(About),
        b"around" => K(Around),
        b"approximately" | b"roughly" => K(Approximately),
        b"nearly" => K(Nearly),
        b"almost" => K(Almost),
        b"more" => K(More),
        b"less" => K(Less),
        b"than" => K(Than),
        b"over" => K(Over),
        b"at" => K(At),
        b"least" => K(Least),
        b"up" => K(Up),
        b"to" => K(To),
        b"fiscal" => K(Fiscal),
        b"since" => K(Since),
        b"from" => K(From),
        b"between" => K(Between),
        b"and" => K(And),
        b"in" => K(In),
        b"on" => K(On),
        b"by" => K(By),
        b"until" | b"till" => K(Until),
        b"during" => K(During),
        b"for" => K(For),
        b"within" => K(Within),
        b"half" => K(Half),
        b"other" => K(Other),
        b"same" => K(Same),
        b"christmas" => K(Christmas),
        b"thanksgiving" => K(Thanksgiving),
        b"halloween" => K(Halloween),
        b"new" => K(NewYear),
        b"eve" => K(Eve),
        b"local" => K(Local),
        b"time" => K(Time),
        b"gmt" | b"utc" | b"est" | b"edt" | b"et" | b"pst" | b"pdt" | b"cst" | b"cet" | b"bst"
        | b"ist" | b"pkt" => K(Zone),
        b"right" => K(Right),
        b"through" | b"thru" => K(Through),
        b"when" => K(When),
        b"into" => K(Into),
        b"long" => K(Long),
        _ => Lex::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_suffix() {
        let mut v = Vec::new();
        scan("the 1990s, 18th and 3pm", &mut v);
        let lexes: Vec<Lex> = v.iter().map(|t| t.lex).collect();
        assert!(matches!(
            lexes[1],
            Lex::Num {
                val: 1990,
                digits: 4,
                suffix: Suffix::Plural
            }
        ));
        assert!(matches!(
            lexes[3],
            Lex::Num {
                val: 18,
                suffix: Suffix::Ordinal,
                ..
            }
        ));
        assert!(matches!(
            lexes[5],
            Lex::Num {
                val: 3,
                suffix: Suffix::Pm,
                ..
            }
        ));
    }

    #[test]
    fn non_ascii_is_one_opaque_token() {
        let mut v = Vec::new();
        scan("«Karachi» — 2014", &mut v);
        assert!(v.iter().any(|t| t.lex == Lex::Punct(b'-')));
        assert!(matches!(
            v.last().map(|t| t.lex),
            Some(Lex::Num { val: 2014, .. })
        ));
    }
}
