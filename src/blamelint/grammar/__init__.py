"""Grammar helpers over a spaCy parse: reusable, rule-agnostic readings of a
sentence (which clauses are passive, whether they name an agent, whether they
report an event or a state, how to say them in the active voice)."""
