# Reliability checks (issue 6): bad input, delivery, DLQ/redrive/reprocess, fuzzing, load. See docs/reliability.md.
RELIABILITY_TESTS = tests/integration/test_bad_input.py tests/integration/test_delivery.py \
	tests/integration/test_redrive_reprocess.py tests/unit/test_cli_errors.py \
	tests/property/test_extractor_properties.py tests/e2e/test_schemathesis.py

.PHONY: reliability load-test

reliability: setup
	OMP_NUM_THREADS=1 $(PY) -m pytest $(RELIABILITY_TESTS) $(PYTEST_ARGS)

load-test: setup
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(PY) scripts/load_test.py --uploads 200 --reads 1000
