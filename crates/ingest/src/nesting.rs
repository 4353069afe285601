//! A guard against pathologically deep HTML, run before the HTML parser.
//!
//! The HTML5 tree builder scans its stack of open elements on every start tag
//! ("is there a `p` in button scope?"), so a page of a million unclosed
//! `<div>`s costs time quadratic in its length; the scoring that follows
//! walks every block's ancestors, which is quadratic the same way. Real pages
//! nest a few dozen elements deep. Browsers cap the depth too: Blink's parser
//! attaches elements past depth 512 as siblings instead of children.
//!
//! [`limit_nesting`] does the same on the source text: a cheap scan counts
//! open elements (those whose end tag is not optional), and when the page
//! goes deeper than [`MAX_NESTING`], start tags past that depth and their end
//! tags are dropped. The text in them is kept, so the article still reads;
//! only its layout flattens. Pages within the cap are passed through
//! untouched.

use std::borrow::Cow;

/// The deepest element nesting kept; deeper start tags are dropped.
pub const MAX_NESTING: usize = 512;

/// Elements without content, and those whose end tag may be left out because
/// the next sibling closes them (`<p>`, `<li>`, `<td>`): neither nests.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "p", "li", "dt", "dd", "tr", "td",
    "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
    "rtc", "html", "head", "body",
];

/// Elements whose content is raw text up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// How far down the stack of open elements an end tag looks for its start
/// tag; a stray end tag matches nothing rather than costing a long search.
const MATCH_WINDOW: usize = 16;

/// The page with nesting past [`MAX_NESTING`] flattened, and the depth it
/// reached; the page itself (borrowed) and `None` when it is within the cap.
pub fn limit_nesting(html: &str) -> (Cow<'_, str>, Option<usize>) {
    let depth = scan(html, None);
    if depth <= MAX_NESTING {
        return (Cow::Borrowed(html), None);
    }
    let mut out = String::with_capacity(html.len());
    scan(html, Some(&mut out));
    (Cow::Owned(out), Some(depth))
}

/// Scans the page's tags, returning the deepest nesting seen. With `out`, it
/// also writes the page with the tags past the cap left out.
fn scan(html: &str, mut out: Option<&mut String>) -> usize {
    let bytes = html.as_bytes();
    // Open elements: the lower-cased name and whether its tag was kept.
    let mut stack: Vec<(String, bool)> = Vec::new();
    // `depth` counts the kept open elements, `stack.len()` all of them.
    let (mut depth, mut max_depth) = (0usize, 0usize);
    let mut copied = 0; // bytes of `html` handled so far (written or dropped)
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        i = start + 1;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find(bytes, start, b">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        i = end;
        let self_closing = end >= 2 && bytes[end - 2] == b'/' && bytes[end - 1] == b'>';
        let keep = if closing {
            let window = stack.len().saturating_sub(MATCH_WINDOW);
            match stack[window..].iter().rposition(|(n, _)| *n == name) {
                Some(k) => {
                    let mut kept = true;
                    for (_, was_kept) in stack.drain(window + k..).rev() {
                        depth -= usize::from(was_kept);
                        kept = was_kept;
                    }
                    kept
                }
                None => true,
            }
        } else {
            if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                // Skip the raw text: a `<` in a script is not a tag.
                let close = format!("</{name}");
                i = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
                true
            } else if self_closing || NOT_NESTING.contains(&name.as_str()) {
                true
            } else {
                let kept = depth < MAX_NESTING;
                depth += usize::from(kept);
                stack.push((name, kept));
                max_depth = max_depth.max(stack.len());
                kept
            }
        };
        if let Some(out) = out.as_deref_mut() {
            if !keep {
                out.push_str(&html[copied..start]);
                copied = end;
            }
        }
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    max_depth
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= bytes.len() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= bytes.len() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// The index just past the `>` that ends a tag whose name ends at `from`;
/// quoted attribute values may hold `>`.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    let mut prev = b' ';
    for (k, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'>' => return from + k + 1,
            None if matches!(b, b'"' | b'\'') && prev == b'=' => quote = Some(b),
            None => {}
        }
        if !b.is_ascii_whitespace() {
            prev = b;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_through() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(limit_nesting(page), (Cow::Borrowed(_), None)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = MAX_NESTING + 100;
        let page = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
        let (out, depth) = limit_nesting(&page);
        assert_eq!(depth, Some(n));
        assert_eq!(out.matches("<div>").count(), MAX_NESTING);
        assert_eq!(out.matches("</div>").count(), MAX_NESTING);
        assert!(out.contains("deep text"));
    }

    #[test]
    fn unclosed_inline_tags_are_flattened() {
        let page = "<b><span>x".repeat(2000);
        let (out, depth) = limit_nesting(&page);
        assert!(depth.unwrap() > MAX_NESTING);
        assert_eq!(out.matches('<').count(), MAX_NESTING);
        assert_eq!(out.matches('x').count(), 2000);
    }
}
