# AWS SAM: template checks, layer builds, sizes. SAM CLI lives in its own virtualenv (.venv-sam):
# it pins click==8.1.8, which would hold spaCy back to 3.8.14 in the project's .venv.
#   make template-check   cfn-lint + sam validate (--lint) + lint of the SAM-transformed template
#   make sam-build        sam build (no container) into .aws-sam/build; ARCH=arm64 for Graviton
#   make layers           sam-build, then each function's unzipped size with its layers (<= 250 MB)
SAM_VENV := .venv-sam
SAM_CLI_VERSION := 1.170.0
CFN_LINT_VERSION := 1.58.0
SAM_STAMP := $(SAM_VENV)/.installed-$(SAM_CLI_VERSION)-$(CFN_LINT_VERSION)
SAM := $(SAM_VENV)/bin/sam
SAM_PY := $(SAM_VENV)/bin/python
SAM_REGION ?= us-east-1
ARCH ?= x86_64
LAMBDA_PYTHON ?= python3.11
SAM_FUNCTIONS := ApiFunction ExtractFunction
LAYER_ARCH = $(if $(filter arm64,$(ARCH)),aarch64,x86_64)
export SAM_CLI_TELEMETRY := 0

.PHONY: sam-setup template-check sam-build layers

$(SAM_STAMP):
	rm -rf $(SAM_VENV)
	$(or $(PYTHON),python3) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install -q aws-sam-cli==$(SAM_CLI_VERSION) cfn-lint==$(CFN_LINT_VERSION)
	touch $@

sam-setup .venv-sam: $(SAM_STAMP)

template-check: $(SAM_STAMP)
	$(SAM_VENV)/bin/cfn-lint template.yaml
	$(SAM) validate --lint
	AWS_DEFAULT_REGION=$(SAM_REGION) $(SAM) validate
	$(SAM_PY) scripts/check_template.py --region $(SAM_REGION)

# sam's python builder ships functions without .pyc, and /var/task is read-only: precompile them
# (API cold import 2.1 s -> 1.0 s). checked-hash: still correct if sources change without a rebuild.
# The layer Makefiles run in a make that sam starts: clear MAKEFLAGS so command-line variables
# (e.g. PYTHON=...) and jobserver settings of this make do not leak into them.
sam-build: $(SAM_STAMP)
	env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS LAYER_ARCH=$(LAYER_ARCH) \
		$(SAM) build --cached --parameter-overrides Architecture=$(ARCH)
	$(LAMBDA_PYTHON) -m compileall -q --invalidation-mode checked-hash $(SAM_FUNCTIONS:%=.aws-sam/build/%)

layers: sam-build
	$(SAM_PY) scripts/layer_sizes.py .aws-sam/build
