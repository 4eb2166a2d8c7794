# Two commands do all set-up on a fresh Debian 12 machine with Swift 6:
#   make demo   installs what is missing, builds, processes samples/ into output/
#   make test   installs what is missing, builds and runs every test
# The Debian packages: C libraries (libxml2, poppler-glib, cairo, pango, SQLite for the ledger),
# the Song-style CJK font, the poppler tools the tests read PDFs with, PostgreSQL, whose server the
# ledger tests start on loopback in a temporary folder, python3-venv for the OCR worker, faketime, with
# which a test runs intake with the system clock years ahead, chromium and its driver for the browser tests,
# and CUPS (scheduler, client tools, cups-core-drivers for the filter that passes a PDF through), whose
# scheduler the browser tests start on a unix socket in a temporary folder and print to.
DEBIAN_PACKAGES := pkg-config libxml2-dev libpoppler-glib-dev libxml2-utils libcairo2-dev libpango1.0-dev libsqlite3-dev \
                   libpng-dev libturbojpeg0-dev libtiff-dev libexif-dev \
                   fonts-arphic-uming fonts-noto-cjk poppler-utils postgresql python3-venv faketime chromium chromium-driver \
                   cups-daemon cups-client cups-core-drivers
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
SWIFT_FLAGS ?=

.PHONY: demo test build deps clean ocr-env fuzz e2e

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
	echo; echo "Filled forms (form.pdf), notices (notice.pdf), receipts of items without a form (receipt.pdf) and results"; \
	echo "(result.json) of the XML samples, a typed PDF (pdf/), a phone photo (scans/) and two image bundles (bundles/):"; \
	find output -name '*.pdf' -not -path '*/revisions/*' | sort | sed 's/^/  /'; \
	$$bin clerk list --state output/.console 2>/dev/null | grep -q '^demo	' || \
	  echo 'demo-password' | $$bin clerk add demo --name 演示科长 --role chief --state output/.console >/dev/null; \
	echo; echo "The clerks' console on these results (account demo, password demo-password), with 网上预审 beside it:"; \
	echo "  $$bin console --output output --state output/.console --precheck-listen 127.0.0.1:8461"; \
	echo "  then open the addresses it prints: http://127.0.0.1:8460 (clerks), http://127.0.0.1:8461/precheck (applicants)."

test: deps ocr-env
	swift build $(SWIFT_FLAGS) --build-tests
	swift test $(SWIFT_FLAGS) --skip-build
	$(MAKE) e2e

# The console in a real browser (Tests/e2e): Debian's chromium and chromedriver driven by the
# pinned selenium of Tests/e2e/requirements.txt in .venv-e2e/; nothing is downloaded at run time.
E2E_VENV := .venv-e2e
e2e: deps ocr-env
	@if ! cmp -s Tests/e2e/requirements.txt $(E2E_VENV)/.requirements 2>/dev/null || [ ! -x $(E2E_VENV)/bin/python3 ]; then \
	  /usr/bin/python3 -m venv $(E2E_VENV) && \
	  $(E2E_VENV)/bin/python3 -m pip install -q --disable-pip-version-check -r Tests/e2e/requirements.txt && \
	  cp Tests/e2e/requirements.txt $(E2E_VENV)/.requirements || { echo "make e2e: venv failed" >&2; exit 1; }; \
	fi
	INTAKE_BIN=$$(swift build $(SWIFT_FLAGS) --show-bin-path)/intake $(E2E_VENV)/bin/python3 -B -m unittest discover -s Tests/e2e -v

# libFuzzer harnesses (fuzz/): the XML, PDF and zip readers, FUZZ_SECONDS each, seeded from
# samples/ and Tests/Fixtures/. Findings land in .fuzz/<reader>/crashes/; keep each one as a
# regression fixture. `make fuzz FUZZ_READERS=pdf FUZZ_SECONDS=1800` runs one for 30 minutes.
FUZZ_SECONDS ?= 600
FUZZ_READERS ?= xml pdf zip
fuzz: deps
	cd fuzz && swift build -c debug --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@for r in $(FUZZ_READERS); do \
	  mkdir -p .fuzz/$$r/corpus .fuzz/$$r/seeds .fuzz/$$r/crashes; \
	  case $$r in \
	    xml) cp samples/*.xml Tests/Fixtures/hostile/*.xml .fuzz/$$r/seeds/ ;; \
	    pdf) cp Tests/Fixtures/pdf/typed/*.pdf Tests/Fixtures/pdf/acroform/*.pdf Tests/Fixtures/pdf/bad/*.pdf .fuzz/$$r/seeds/ ;; \
	    zip) cp Tests/Fixtures/pdf/bundles/zips/*.zip .fuzz/$$r/seeds/ ;; \
	  esac; \
	  echo "fuzzing the $$r reader for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 INTAKE_FORMS=forms INTAKE_FUZZ=$$r .build-fuzz/debug/IntakeFuzz -max_total_time=$(FUZZ_SECONDS) -timeout=30 \
	    -rss_limit_mb=4096 -max_len=1048576 -print_final_stats=1 -artifact_prefix=.fuzz/$$r/crashes/ \
	    .fuzz/$$r/corpus .fuzz/$$r/seeds || exit 1; \
	done

clean:
	rm -rf .build .build-fuzz .fuzz output/20*
