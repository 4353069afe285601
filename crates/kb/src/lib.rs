//! knowledge base: countries, demonyms, places, organisations and the alias index
