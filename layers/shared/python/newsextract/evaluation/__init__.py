"""Evaluation of newsextract against annotated corpora."""
