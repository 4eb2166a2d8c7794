# Two commands do all set-up on a fresh Debian 12 machine with Swift 6:
#   make demo   installs what is missing, builds, processes samples/ into output/
#   make test   installs what is missing, builds and runs every test
# The Debian packages: C libraries (libxml2, cairo, pango, SQLite for the ledger), the Song-style
# CJK font, the poppler tools the tests read PDFs with, and PostgreSQL, whose server the ledger
# tests start on loopback in a temporary folder.
DEBIAN_PACKAGES := pkg-config libxml2-dev libpoppler-glib-dev libxml2-utils libcairo2-dev libpango1.0-dev libsqlite3-dev \
                   fonts-arphic-uming fonts-noto-cjk poppler-utils postgresql
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
SWIFT_FLAGS ?=

.PHONY: demo test build deps clean

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build $(SWIFT_FLAGS) --product intake

demo: build
	@bin=$$(swift build $(SWIFT_FLAGS) --show-bin-path)/intake; \
	$$bin process samples --output output; status=$$?; \
	if [ $$status -gt 1 ]; then exit $$status; fi; \
	echo; echo "Filled forms (form.pdf), notices (notice.pdf) and results (result.json):"; \
	find output -name '*.pdf' | sort | sed 's/^/  /'

test: deps
	swift build $(SWIFT_FLAGS) --build-tests
	swift test $(SWIFT_FLAGS) --skip-build

clean:
	rm -rf .build output/20*
