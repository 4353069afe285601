//! Bytes to text: gzip, byte-order marks, binary detection, lossy UTF-8.

use std::io::Read;

use crate::error::{IngestError, Source};

/// Text decoded from an input, with what had to be repaired.
pub(crate) struct Decoded {
    pub text: String,
    /// How many invalid UTF-8 sequences were replaced with U+FFFD.
    pub n_replaced: usize,
}

impl Decoded {
    /// The diagnostic message for lossy decoding, if any was needed.
    pub fn lossy_message(&self, place: &str) -> Option<String> {
        (self.n_replaced > 0).then(|| {
            format!(
                "{place}: {} invalid UTF-8 sequence(s) were replaced with U+FFFD; re-save the file as UTF-8",
                self.n_replaced
            )
        })
    }
}

/// Decompresses gzip input (recognised by its magic bytes, whatever the
/// file is called), refusing output over `limit` bytes.
pub(crate) fn gunzip(
    source: &Source,
    bytes: Vec<u8>,
    limit: usize,
) -> Result<Vec<u8>, IngestError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::Io {
            path: source.clone(),
            source: e,
        })?;
    if out.len() > limit {
        return Err(IngestError::FileTooLarge {
            path: source.clone(),
            what: "decompressed file",
            max: limit,
        });
    }
    Ok(out)
}

/// Whether a sample of bytes looks like binary data rather than text: any NUL
/// byte, or more than a tenth of C0 control characters other than the
/// whitespace ones.
pub(crate) fn looks_binary(sample: &[u8]) -> bool {
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > sample.len()
}

/// Decodes a whole input. UTF-16 with a byte-order mark is decoded as such;
/// everything else is read as UTF-8, replacing invalid sequences.
pub(crate) fn decode(source: &Source, bytes: &[u8]) -> Result<Decoded, IngestError> {
    if let Some(utf16) = decode_utf16(bytes) {
        return check_text(source, utf16);
    }
    let bytes = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
    if looks_binary(&bytes[..bytes.len().min(8192)]) {
        return Err(IngestError::Binary {
            path: source.clone(),
        });
    }
    check_text(source, lossy_utf8(bytes))
}

fn check_text(source: &Source, decoded: Decoded) -> Result<Decoded, IngestError> {
    if decoded.text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: source.clone(),
        });
    }
    Ok(decoded)
}

/// UTF-8, replacing each invalid sequence with U+FFFD and counting them.
pub(crate) fn lossy_utf8(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            n_replaced: 0,
        },
        Err(_) => {
            let n_replaced = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            Decoded {
                text: String::from_utf8_lossy(bytes).into_owned(),
                n_replaced,
            }
        }
    }
}

fn decode_utf16(bytes: &[u8]) -> Option<Decoded> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut n_replaced = 0;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                n_replaced += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    Some(Decoded { text, n_replaced })
}

/// The charset an HTML page declares in its first bytes (`<meta charset>` or
/// `http-equiv` content type), when it is one other than UTF-8. Consulted only
/// for pages that are not valid UTF-8: a page that decodes as UTF-8 is UTF-8,
/// whatever its meta tag claims.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    static CHARSET: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)charset\s*=\s*["']?([a-z0-9_:.-]+)"#).expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = encoding_rs::Encoding::for_label(label)?;
    (encoding != encoding_rs::UTF_8).then_some(encoding)
}
