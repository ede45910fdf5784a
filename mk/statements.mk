# Statements (who said what). `make attribution-model`: convert PolNeAR train/dev, train the attribution
# NER (one thread, attribution.cfg; ATTRIBUTION_TRAIN_ARGS adds `spacy train` overrides), package it into
# layers/model/attribution.
# `make eval-polnear`: score core + attribution + statement grouping on PolNeAR dev (POLNEAR_SPLIT=...).
# `make statements-eval`: cue recall, precision, speaker and kind accuracy on the project's own articles
# (tests/gold/statements), every miss listed.
PY ?= .venv/bin/python
SHARED ?= ../shared
NEWSEXTRACT_CORPORA ?= $(SHARED)/corpora
ATTRIBUTION_RECIPE := layers/model/recipe/attribution
ATTRIBUTION_BUILD ?= build/attribution
ATTRIBUTION_DIR := layers/model/attribution
POLNEAR_SPLIT ?= dev
ATTRIBUTION_TRAIN_ARGS ?=
ATTRIBUTION_ENV := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 BLIS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

attribution-model:
	$(ATTRIBUTION_ENV) $(PY) $(ATTRIBUTION_RECIPE)/convert.py $(NEWSEXTRACT_CORPORA)/polnear $(ATTRIBUTION_BUILD)
	$(ATTRIBUTION_ENV) $(PY) -m spacy train $(ATTRIBUTION_RECIPE)/attribution.cfg -o $(ATTRIBUTION_BUILD)/train \
		--paths.train $(ATTRIBUTION_BUILD)/train.spacy --paths.dev $(ATTRIBUTION_BUILD)/dev.spacy \
		--code layers/model/recipe/readers.py $(ATTRIBUTION_TRAIN_ARGS)
	$(ATTRIBUTION_ENV) $(PY) $(ATTRIBUTION_RECIPE)/package.py $(ATTRIBUTION_BUILD)/train/model-best $(ATTRIBUTION_DIR) \
		--vectors $(MODEL_DIR)

eval-polnear:
	$(ATTRIBUTION_ENV) $(PY) -m newsextract.cli eval polnear --split $(POLNEAR_SPLIT) \
		--corpus $(NEWSEXTRACT_CORPORA)/polnear

statements-eval:
	$(PY) tests/model/test_statements_gold.py

.PHONY: attribution-model eval-polnear statements-eval
