//! A small builder of extracted documents: text with entities, relations,
//! events and claims placed by the words they cover (a copy of the store
//! tests' builder, with titles and claims about actors).

use dossier_schema::{
    EntityType, Geo, MentionKind, Modality, OutputClaim, OutputDocument, OutputEntity, OutputEvent,
    OutputMention, OutputRelation, Polarity, Span, SpanText, SCHEMA_VERSION,
};

pub struct Doc(pub OutputDocument);

fn span(text: &str, needle: &str) -> (usize, usize) {
    let b = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in the fixture text"));
    let start = text[..b].chars().count();
    (start, start + needle.chars().count())
}

impl Doc {
    pub fn new(id: &str, date: &str, text: &str) -> Doc {
        Doc(OutputDocument {
            schema: SCHEMA_VERSION.into(),
            id: id.into(),
            date: Some(date.into()),
            title: None,
            url: None,
            source: None,
            language: Some("en".into()),
            text: text.into(),
            sentences: vec![Span {
                start: 0,
                end: text.chars().count(),
            }],
            entities: vec![],
            times: vec![],
            relations: vec![],
            events: vec![],
            claims: vec![],
            diagnostics: vec![],
        })
    }

    pub fn url(mut self, url: &str, source: &str) -> Doc {
        self.0.url = Some(url.into());
        self.0.source = Some(source.into());
        self
    }

    /// An entity named by the first occurrence of `name` in the text, with
    /// its aliases (each must occur in the text too); returns its local id
    /// through `E{n}` in order of addition.
    pub fn entity(mut self, name: &str, etype: &str, kb: Option<&str>, aliases: &[&str]) -> Doc {
        let id = format!("E{}", self.0.entities.len());
        let text = self.0.text.clone();
        let mut mentions = Vec::new();
        for n in std::iter::once(&name).chain(aliases) {
            if let Some(b) = text.find(n) {
                let (s, e) = span(&text, &text[b..b + n.len()]);
                mentions.push(OutputMention {
                    start: s,
                    end: e,
                    text: n.to_string(),
                    kind: MentionKind::Name,
                });
            }
        }
        let etype = EntityType::parse(etype).expect("a schema type");
        let geo = etype.is_place().then(|| Geo {
            lat: 34.0,
            lon: 71.5,
            country: Some("PK".into()),
            geonames_id: None,
            level: "city".into(),
            within: None,
        });
        self.0.entities.push(OutputEntity {
            id,
            name: name.into(),
            etype,
            kb_id: kb.map(str::to_string),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            titles: vec![],
            geo,
            mentions,
            confidence: 0.9,
        });
        self
    }

    pub fn relation(
        mut self,
        subject: usize,
        predicate: &str,
        object: usize,
        evidence: &str,
        time: Option<&str>,
    ) -> Doc {
        let (start, end) = span(&self.0.text, evidence);
        self.0.relations.push(OutputRelation {
            subject: format!("E{subject}"),
            predicate: predicate.into(),
            object: format!("E{object}"),
            sentence: 0,
            evidence: SpanText {
                start,
                end,
                text: evidence.into(),
            },
            time: time.map(str::to_string),
            confidence: 0.8,
            attributed_to: None,
        });
        self
    }

    #[allow(clippy::too_many_arguments)]
    pub fn event(
        mut self,
        code: &str,
        source: Option<usize>,
        target: Option<usize>,
        place: Option<usize>,
        trigger: &str,
        time: Option<&str>,
        modality: Modality,
    ) -> Doc {
        let (start, end) = span(&self.0.text, trigger);
        let n = self.0.events.len();
        self.0.events.push(OutputEvent {
            id: format!("V{n}"),
            code: code.into(),
            root: code[..2].into(),
            label: format!("code {code}"),
            source: source.map(|i| format!("E{i}")),
            target: target.map(|i| format!("E{i}")),
            time: time.map(str::to_string),
            place: place.map(|i| format!("E{i}")),
            sentence: 0,
            trigger: SpanText {
                start,
                end,
                text: trigger.into(),
            },
            modality,
            attributed_to: None,
            goldstein: -5.0,
            confidence: 0.7,
            source_actor: None,
            target_actor: None,
        });
        self
    }

    /// Places the last entity added at a point in a country.
    pub fn at(mut self, lat: f64, lon: f64, country: &str) -> Doc {
        if let Some(Some(g)) = self.0.entities.last_mut().map(|e| e.geo.as_mut()) {
            g.lat = lat;
            g.lon = lon;
            g.country = Some(country.into());
        }
        self
    }

    /// A title the article gives the last entity added ("spokesman").
    pub fn title(mut self, title: &str) -> Doc {
        if let Some(e) = self.0.entities.last_mut() {
            e.titles.push(title.into());
        }
        self
    }

    /// A claim of `speaker` about the entities `about`.
    pub fn claim_about(mut self, speaker: usize, content: &str, about: &[usize]) -> Doc {
        self = self.claim(speaker, content);
        if let Some(c) = self.0.claims.last_mut() {
            c.about = about.iter().map(|i| format!("E{i}")).collect();
        }
        self
    }

    pub fn claim(mut self, speaker: usize, content: &str) -> Doc {
        let (start, end) = span(&self.0.text, content);
        let n = self.0.claims.len();
        self.0.claims.push(OutputClaim {
            id: format!("C{n}"),
            speaker: Some(format!("E{speaker}")),
            medium: None,
            text: content.into(),
            start,
            end,
            sentence: 0,
            evidence: Span { start, end },
            direct: true,
            polarity: Polarity::Asserted,
            about: vec![],
            confidence: 0.85,
        });
        self
    }

    pub fn build(self) -> OutputDocument {
        self.0
    }
}
