//! The model file format: little-endian scalars and length-prefixed arrays.
//!
//! Hand-rolled rather than serde-based because the bulk of the model is a few
//! flat numeric arrays that load fastest as plain copies.

use crate::SyntaxError;
use dossier_common::le::{self, LeReader};

#[derive(Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bytes(&mut self, v: &[u8]) {
        self.u32(v.len() as u32);
        self.buf.extend_from_slice(v);
    }
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.u32(v.len() as u32);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn u64s(&mut self, v: &[u64]) {
        self.u32(v.len() as u32);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn f32s(&mut self, v: &[f32]) {
        self.u32(v.len() as u32);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
}

fn truncated() -> SyntaxError {
    SyntaxError::Corrupt("model file is truncated".into())
}

pub struct Reader<'a> {
    buf: &'a [u8],
    scoring_only: bool,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader {
            buf,
            scoring_only: false,
        }
    }

    /// A reader whose weight tables keep only what scoring reads
    /// ([`crate::perceptron::Weights::read`]).
    pub fn for_scoring(buf: &'a [u8]) -> Reader<'a> {
        Reader {
            buf,
            scoring_only: true,
        }
    }

    pub fn scoring_only(&self) -> bool {
        self.scoring_only
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], SyntaxError> {
        let mut r = LeReader::new(self.buf);
        let head = r.take(n).ok_or_else(truncated)?;
        self.buf = r.rest();
        Ok(head)
    }

    pub fn u32(&mut self) -> Result<u32, SyntaxError> {
        let mut r = LeReader::new(self.buf);
        let v = r.u32().ok_or_else(truncated)?;
        self.buf = r.rest();
        Ok(v)
    }
    fn len(&mut self, elem: usize) -> Result<usize, SyntaxError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(elem) > self.buf.len() {
            return Err(SyntaxError::Corrupt(
                "array longer than the model file".into(),
            ));
        }
        Ok(n)
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], SyntaxError> {
        let n = self.len(1)?;
        self.take(n)
    }
    pub fn str(&mut self) -> Result<String, SyntaxError> {
        let b = self.bytes()?;
        String::from_utf8(b.to_vec())
            .map_err(|_| SyntaxError::Corrupt("string is not UTF-8".into()))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, SyntaxError> {
        let n = self.len(4)?;
        (0..n).map(|_| self.str()).collect()
    }
    /// The little-endian bytes of an array of `elem`-byte numbers, as
    /// written, without a copy.
    pub fn raw(&mut self, elem: usize) -> Result<&'a [u8], SyntaxError> {
        let n = self.len(elem)?;
        self.take(n * elem)
    }
    pub fn u32s(&mut self) -> Result<Vec<u32>, SyntaxError> {
        let n = self.len(4)?;
        Ok(le::u32s(self.take(n * 4)?))
    }
    pub fn u64s(&mut self) -> Result<Vec<u64>, SyntaxError> {
        let n = self.len(8)?;
        Ok(le::u64s(self.take(n * 8)?))
    }
    pub fn f32s(&mut self) -> Result<Vec<f32>, SyntaxError> {
        let n = self.len(4)?;
        Ok(le::f32s(self.take(n * 4)?))
    }
}
