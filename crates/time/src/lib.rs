//! Time expressions: recognition and TIMEX3 normalisation anchored at the
//! article date.
//!
//! A hand-written rule system in the spirit of HeidelTime: a byte scanner
//! classifies words once against a time lexicon, and rules over those tokens
//! find expressions (longest match, no overlaps) and give each its TIMEX3
//! type, value and mod. Relative expressions are anchored at the document
//! creation time (the article's date), with the tense of the sentence
//! deciding whether "on Monday" points back or forward; "two days later" and
//! "the next day" are anchored at the last date of the narrative.
//!
//! ```
//! use chrono::NaiveDate;
//! use dossier_time::TimeTagger;
//!
//! let tagger = TimeTagger::default();
//! let dct = NaiveDate::from_ymd_opt(2023, 2, 1);
//! let (times, _diagnostics) = tagger.annotate("Talks collapsed on Monday.", dct);
//! assert_eq!(times[0].value.as_deref(), Some("2023-01-30"));
//! ```

mod calendar;
#[cfg(feature = "eval")]
pub mod eval;
mod interval;
mod rules;
mod scan;

pub use interval::{date_of, day_number, timex_interval, timex_precision, DayInterval};

use chrono::NaiveDate;
use dossier_text::{Component, Diagnostic, Document, Severity, TextRange, TimeExpr};

use crate::rules::{NoValue, ReadOptions, Tense};

/// The name this stage gives itself in the pipeline and in diagnostics.
pub const STAGE: &str = "time.v1";

/// Errors of this crate: only the evaluation reads files.
#[derive(Debug, thiserror::Error)]
pub enum TimeError {
    #[error("malformed TimeML in {name}: {what}")]
    TimeMl { name: String, what: String },
}

/// Options of the time tagger.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// How to read an all-numeric date whose two first parts could both be
    /// the month ("04/05/2023"): day first (4 May) when true. A part above
    /// 12 always decides, and dotted dates ("04.05.2023") are always read
    /// day first.
    pub day_first: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config { day_first: true }
    }
}

/// Finds time expressions and normalises them to TIMEX3. Build it once and
/// share it: it holds no per-document state.
#[derive(Clone, Debug, Default)]
pub struct TimeTagger {
    config: Config,
}

impl TimeTagger {
    pub fn new(config: Config) -> TimeTagger {
        TimeTagger { config }
    }

    /// The time expressions of `text`, anchored at `dct` (the article date),
    /// and diagnostics for expressions that get no value: relative ones
    /// without a date to anchor them, impossible dates ("February 30").
    pub fn annotate(&self, text: &str, dct: Option<NaiveDate>) -> (Vec<TimeExpr>, Vec<Diagnostic>) {
        self.run(text, dct, None)
    }

    fn run(
        &self,
        text: &str,
        dct: Option<NaiveDate>,
        tense: Option<Tense>,
    ) -> (Vec<TimeExpr>, Vec<Diagnostic>) {
        let mut toks = Vec::new();
        scan::scan(text, &mut toks);
        let opts = ReadOptions {
            day_first: self.config.day_first,
            tense,
        };
        let found = rules::recognise(text, &toks, dct, opts);
        let mut times = Vec::with_capacity(found.len());
        let mut diags = Vec::new();
        for mut f in found {
            let range = TextRange::new(f.start, f.end);
            if let Some(v) = f.value.take_if(|v| !is_writable(v)) {
                f.problem = Some(NoValue::Unwritable(v));
                f.confidence = f.confidence.min(0.5);
            }
            if let Some(problem) = f.problem {
                diags.push(Diagnostic {
                    stage: STAGE.to_string(),
                    severity: Severity::Warning,
                    range: Some(range),
                    message: format!(
                        "time expression '{}' has no value: {problem}",
                        &text[range.as_range()]
                    ),
                });
            }
            times.push(TimeExpr {
                range,
                ttype: f.ttype,
                value: f.value,
                modifier: f.modifier.map(str::to_string),
                confidence: f.confidence,
            });
        }
        (times, diags)
    }
}

impl Component for TimeTagger {
    fn name(&self) -> &'static str {
        STAGE
    }

    /// Fills `doc.times` from the text, anchored at `doc.meta.date`.
    fn process(&self, doc: &mut Document) {
        let (times, diags) = self.annotate(doc.text(), doc.meta.date);
        doc.times = times;
        doc.diagnostics.extend(diags);
    }
}

/// Whether a TIMEX3 value can be written: a calendar value needs a year of
/// four digits at most and no sign, so an anchor near the ends of the
/// calendar (9999-12-31 "next year", 0000-01-01 "last week") gives no
/// value rather than `10000` or `-001-W52`.
fn is_writable(value: &str) -> bool {
    let n_digits = value.bytes().take_while(u8::is_ascii_digit).count();
    !value.starts_with('-') && n_digits <= 4
}

/// Resolves one time expression on its own, for stages that date events
/// from a phrase they found ("on Monday", "last November", "two days ago").
///
/// `dct` is the article date; `past` says whether the sentence speaks of the
/// past (true) or the future (false), which decides which Monday "on
/// Monday" is. Returns the TIMEX3 value of the first expression in `expr`,
/// or `None` when there is none or it cannot be resolved.
///
/// ```
/// use chrono::NaiveDate;
/// let dct = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(); // a Monday
/// assert_eq!(dossier_time::resolve_relative("on Saturday", dct, false).as_deref(), Some("2024-03-09"));
/// assert_eq!(dossier_time::resolve_relative("on Saturday", dct, true).as_deref(), Some("2024-03-02"));
/// ```
pub fn resolve_relative(expr: &str, dct: NaiveDate, past: bool) -> Option<String> {
    let tense = if past { Tense::Past } else { Tense::Future };
    let (times, _) = TimeTagger::default().run(expr, Some(dct), Some(tense));
    times.into_iter().next()?.value
}
