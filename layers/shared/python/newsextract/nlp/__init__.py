"""spaCy side of newsextract: pipeline loading, entity clustering, statement extraction."""
