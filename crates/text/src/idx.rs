//! Index newtypes between layers: higher layers point at lower ones by index,
//! never by copying text.

macro_rules! index_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            #[inline]
            pub fn new(i: usize) -> Self {
                $name(u32::try_from(i).expect("index overflow"))
            }
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// Index into [`crate::Tokens`].
    TokenIdx
);
index_type!(
    /// Index into [`crate::Document::sentences`].
    SentenceIdx
);
index_type!(
    /// Index into [`crate::Document::mentions`].
    MentionIdx
);
index_type!(
    /// Index into [`crate::Document::entities`].
    EntityId
);
index_type!(
    /// Index into [`crate::Document::events`].
    EventIdx
);
index_type!(
    /// Index into [`crate::Document::claims`].
    ClaimIdx
);
