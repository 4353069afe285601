//! Reading CoNLL-U treebanks: the basic tree of the word lines. Multiword
//! token lines (`3-4`) and empty nodes (`5.1`) are skipped, as in the
//! CoNLL 2018 shared task scoring of gold-tokenised input.

use std::path::Path;

use crate::SyntaxError;

/// One sentence of a treebank. `head[i]` is 1-based (0 = root), as in the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TreebankSentence {
    pub form: Vec<String>,
    pub lemma: Vec<String>,
    pub upos: Vec<String>,
    pub xpos: Vec<String>,
    pub head: Vec<u32>,
    pub deprel: Vec<String>,
    /// Whether a space follows the word (`SpaceAfter=No` clears it).
    pub space_after: Vec<bool>,
}

impl TreebankSentence {
    pub fn len(&self) -> usize {
        self.form.len()
    }
    pub fn is_empty(&self) -> bool {
        self.form.is_empty()
    }
}

/// Reads a CoNLL-U file.
pub fn read_conllu(path: &Path) -> Result<Vec<TreebankSentence>, SyntaxError> {
    let text = std::fs::read_to_string(path).map_err(|source| SyntaxError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_conllu(&text).map_err(|e| match e {
        SyntaxError::Conllu { line, message, .. } => SyntaxError::Conllu {
            path: path.display().to_string(),
            line,
            message,
        },
        other => other,
    })
}

/// Parses CoNLL-U text.
pub fn parse_conllu(text: &str) -> Result<Vec<TreebankSentence>, SyntaxError> {
    let mut out = Vec::new();
    let mut cur = TreebankSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.is_empty() {
                check_tree(&cur, n + 1)?;
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |message: &str| SyntaxError::Conllu {
            path: String::new(),
            line: n + 1,
            message: message.to_string(),
        };
        if cols.len() != 10 {
            return Err(bad("expected 10 tab-separated columns"));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| bad("bad word id"))?;
        if id != cur.len() + 1 {
            return Err(bad("word ids are not consecutive"));
        }
        let head: u32 = cols[6].parse().map_err(|_| bad("bad head"))?;
        cur.form.push(cols[1].to_string());
        cur.lemma.push(cols[2].to_string());
        cur.upos.push(cols[3].to_string());
        cur.xpos.push(cols[4].to_string());
        cur.head.push(head);
        cur.deprel.push(cols[7].to_string());
        cur.space_after
            .push(!cols[9].split('|').any(|m| m == "SpaceAfter=No"));
    }
    if !cur.is_empty() {
        check_tree(&cur, text.lines().count())?;
        out.push(cur);
    }
    Ok(out)
}

fn check_tree(s: &TreebankSentence, line: usize) -> Result<(), SyntaxError> {
    if s.head.iter().any(|&h| h as usize > s.len()) {
        return Err(SyntaxError::Conllu {
            path: String::new(),
            line,
            message: "head points outside the sentence".into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_multiword_tokens_and_empty_nodes() {
        let text = "# text = Don't go.\n\
1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse_conllu(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].form, ["Do", "n't", "go", "."]);
        assert_eq!(s[0].head, [3, 3, 0, 3]);
        assert_eq!(s[0].space_after, [true, true, false, true]);
    }
}

impl TreebankSentence {
    /// The sentence with hyphenated compounds written without spaces
    /// ("anti - terror" as one word "anti-terror"), as the document
    /// tokenizer keeps them. The merged word takes the tag, head and relation
    /// of the part whose head lies outside the compound. `None` when the
    /// sentence has no such compound.
    pub fn with_hyphens_merged(&self) -> Option<TreebankSentence> {
        let n = self.len();
        // group[i] = index of the first word of i's compound.
        let mut group: Vec<usize> = (0..n).collect();
        let mut any = false;
        let mut i = 0;
        while i + 2 < n {
            let joined = |a: usize| !self.space_after[a];
            if self.form[i + 1] == "-"
                && joined(i)
                && joined(i + 1)
                && self.upos[i] != "PUNCT"
                && self.upos[i + 2] != "PUNCT"
            {
                let g = group[i];
                group[i + 1] = g;
                group[i + 2] = g;
                any = true;
                i += 2;
            } else {
                i += 1;
            }
        }
        if !any {
            return None;
        }
        // The head part of each compound: the one whose head is outside it.
        let mut head_part: Vec<Option<usize>> = vec![None; n];
        for w in 0..n {
            let h = self.head[w] as usize;
            if h == 0 || group[h - 1] != group[w] {
                let g = group[w];
                if head_part[g].is_some() {
                    // Two parts attach outside: not a compound word.
                    return None;
                }
                head_part[g] = Some(w);
            }
        }
        let mut new_index = vec![0u32; n];
        let mut out = TreebankSentence::default();
        for w in 0..n {
            if group[w] != w {
                new_index[w] = new_index[group[w]];
                continue;
            }
            let members: Vec<usize> = (w..n).take_while(|&k| group[k] == w).collect();
            let hp = head_part[w]?;
            out.form
                .push(members.iter().map(|&k| self.form[k].as_str()).collect());
            // A word that is not part of a compound keeps its lemma.
            let lemma: String = match members[..] {
                [only] => self.lemma[only].clone(),
                _ => members.iter().map(|&k| self.form[k].as_str()).collect(),
            };
            out.lemma.push(if self.upos[hp] == "PROPN" {
                lemma
            } else {
                lemma.to_lowercase()
            });
            out.upos.push(self.upos[hp].clone());
            out.xpos.push(self.xpos[hp].clone());
            out.deprel.push(self.deprel[hp].clone());
            out.space_after
                .push(self.space_after[*members.last().expect("non-empty")]);
            out.head.push(self.head[hp]);
            new_index[w] = out.form.len() as u32;
        }
        for h in &mut out.head {
            if *h != 0 {
                *h = new_index[*h as usize - 1];
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod merge_tests {
    use super::*;

    #[test]
    fn hyphenated_compound_becomes_one_word() {
        let text = "1\tan\ta\tDET\tDT\t_\t5\tdet\t_\t_\n\
2\tanti\tanti\tADJ\tJJ\t_\t4\tamod\t_\tSpaceAfter=No\n\
3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\tSpaceAfter=No\n\
4\tterror\tterror\tNOUN\tNN\t_\t5\tcompound\t_\t_\n\
5\tlaw\tlaw\tNOUN\tNN\t_\t0\troot\t_\t_\n\n";
        let s = &parse_conllu(text).unwrap()[0];
        let m = s.with_hyphens_merged().unwrap();
        assert_eq!(m.form, ["an", "anti-terror", "law"]);
        assert_eq!(m.head, [3, 3, 0]);
        assert_eq!(m.deprel, ["det", "compound", "root"]);
        assert_eq!(m.xpos, ["DT", "NN", "NN"]);
        // Words outside the compound keep their lemmas ("an" -> "a").
        assert_eq!(m.lemma, ["a", "anti-terror", "law"]);
    }
}
