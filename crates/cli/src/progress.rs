//! The progress bar that long commands (`extract`, `ingest`, `load`) share:
//! a count with its total and an ETA when the input size is known, and a
//! rounded rate.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// A progress bar on standard error, hidden with `quiet`. `total` is the
/// expected number of articles when it is known in advance.
pub fn bar(quiet: bool, total: Option<u64>, noun: &str) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{}/s", round_rate(state.per_sec()));
    };
    let template = match total {
        Some(_) => format!("{{spinner}} {{pos}}/{{len}} {noun} {{wide_bar}} {{rate}} [{{elapsed}}, ETA {{eta}}] {{msg}}"),
        None => format!("{{spinner}} {{pos}} {noun}, {{rate}} [{{elapsed}}] {{msg}}"),
    };
    pb.set_style(
        ProgressStyle::with_template(&template)
            .expect("progress template is valid")
            .with_key("rate", rate),
    );
    pb
}

/// A rate rounded to two significant figures for a steady display: 1234.5
/// -> "1200", 37.26 -> "37", 0.456 -> "0.46".
pub fn round_rate(r: f64) -> String {
    if !r.is_finite() || r <= 0.0 {
        return "0".into();
    }
    let digits = r.log10().floor() as i32;
    let scale = 10f64.powi(digits - 1);
    let v = (r / scale).round() * scale;
    if digits >= 1 {
        format!("{v:.0}")
    } else {
        format!("{v:.*}", (1 - digits) as usize)
    }
}

/// "1 document", "2 documents".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_rounded_to_two_figures() {
        assert_eq!(round_rate(1234.5), "1200");
        assert_eq!(round_rate(37.26), "37");
        assert_eq!(round_rate(5.56), "5.6");
        assert_eq!(round_rate(0.456), "0.46");
        assert_eq!(round_rate(0.0), "0");
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(plural(1, "document", "documents"), "1 document");
        assert_eq!(plural(0, "input", "inputs"), "0 inputs");
    }
}
