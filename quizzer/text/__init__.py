"""Free-text matching for concept answers: normalisation, negation and hedge cues, evidence patterns."""
