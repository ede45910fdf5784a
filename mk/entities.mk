# Entity clustering gold set (tests/gold/entities):
#   make entities-eval          oracle (gold spans) and pipeline scores per article, micro-averaged
.PHONY: entities-eval

entities-eval:
	$(PY) tests/model/test_entities_gold.py oracle
	$(PY) tests/model/test_entities_gold.py pipeline
