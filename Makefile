# Two commands do all set-up on a fresh Debian 12 machine with Swift 6:
#   make demo   installs what is missing, builds, processes samples/ into output/
#   make test   installs what is missing, builds and runs every test
# The Debian packages: C libraries (libxml2, poppler-glib, cairo, pango, SQLite for the ledger),
# the Song-style CJK font, the poppler tools the tests read PDFs with, PostgreSQL, whose server the
# ledger tests start on loopback in a temporary folder, python3-venv for the OCR worker, and faketime, with
# which a test runs intake with the system clock years ahead.
DEBIAN_PACKAGES := pkg-config libxml2-dev libpoppler-glib-dev libxml2-utils libcairo2-dev libpango1.0-dev libsqlite3-dev \
                   fonts-arphic-uming fonts-noto-cjk poppler-utils postgresql python3-venv faketime
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
SWIFT_FLAGS ?=

.PHONY: demo test build deps clean ocr-env

# The OCR worker's Python environment (ocr/README.md): Debian's python3 and a venv in .venv-ocr/
# with the pinned packages of ocr/requirements.txt (PP-OCRv4 models, ONNX Runtime, OpenCV).
# Redone only when ocr/requirements.txt changes.
OCR_PYTHON ?= /usr/bin/python3
OCR_VENV := .venv-ocr

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

ocr-env: deps
	@if ! cmp -s ocr/requirements.txt $(OCR_VENV)/.requirements 2>/dev/null || [ ! -x $(OCR_VENV)/bin/python3 ]; then \
	  echo "creating $(OCR_VENV) for the OCR worker (PyPI packages of ocr/requirements.txt)"; \
	  py=$(OCR_PYTHON); [ -x "$$py" ] || py=python3; \
	  $$py -m venv $(OCR_VENV) && \
	  $(OCR_VENV)/bin/python3 -m pip install -q --disable-pip-version-check --no-deps -r ocr/requirements.txt && \
	  cp ocr/requirements.txt $(OCR_VENV)/.requirements || { echo "make ocr-env failed" >&2; exit 1; }; \
	fi

build: deps ocr-env
	swift build $(SWIFT_FLAGS) --product intake

demo: build
	@bin=$$(swift build $(SWIFT_FLAGS) --show-bin-path)/intake; \
	$$bin process samples --output output; status=$$?; \
	if [ $$status -gt 1 ]; then exit $$status; fi; \
	echo; echo "Filled forms (form.pdf), notices (notice.pdf) and results (result.json):"; \
	find output -name '*.pdf' | sort | sed 's/^/  /'

test: deps ocr-env
	swift build $(SWIFT_FLAGS) --build-tests
	swift test $(SWIFT_FLAGS) --skip-build

clean:
	rm -rf .build output/20*
