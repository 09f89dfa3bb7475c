"""NLP stage: tokens, sentences, parse and named entities from spaCy."""
