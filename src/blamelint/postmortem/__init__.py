"""What makes a document a postmortem: its sections, its action items, and whether it
is one at all. Reads the document model; knows nothing of spaCy or rules."""
