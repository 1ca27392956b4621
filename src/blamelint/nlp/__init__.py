"""The spaCy side: the pipeline (loaded once, lazily), the indexed attribute ruler and
lemminflect's word tables read on demand."""
