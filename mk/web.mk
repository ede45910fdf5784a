# The web page served at GET / and its browser test.
#   make browser-deps   install Debian chromium + chromium-driver when /usr/bin/chromium or chromedriver is missing
#   make browser        the headless Chromium tests (fixture API + local stack; screenshots in test-output/browser/)
#   make screenshot     the local-stack test, also copying its screenshot to docs/screenshot.png
.PHONY: browser-deps browser

browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then scripts/install_chromium.sh; fi

browser: setup browser-deps
	$(PY) -m pytest tests/browser -m browser $(PYTEST_ARGS)

# Refresh docs/screenshot.png from the browser test against the local stack (needs the trained model).
.PHONY: screenshot
screenshot: setup browser-deps
	NEWSEXTRACT_UPDATE_SCREENSHOT=1 $(PY) -m pytest tests/browser/test_page_local_stack.py -m browser $(PYTEST_ARGS)
