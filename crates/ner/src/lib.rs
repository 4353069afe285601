//! named-entity recognition: features, averaged-perceptron tagger, training and evaluation
