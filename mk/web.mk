# The web page served at GET / and its browser test.
#   make browser-deps   install Debian chromium + chromium-driver when /usr/bin/chromium or chromedriver is missing
#   make browser        the headless Chromium test against the local stack (screenshot under test-output/)
.PHONY: browser-deps browser

browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then scripts/install_chromium.sh; fi

browser: setup browser-deps
	$(PY) -m pytest tests/browser -m browser $(PYTEST_ARGS)
