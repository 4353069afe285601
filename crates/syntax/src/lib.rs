//! syntax: part-of-speech tagger, lemmatiser and dependency parser
