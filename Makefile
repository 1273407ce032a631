# likely -- plain Makefile.  `make` builds ./likely, `make check` runs every
# test and ends with "N passed, N failed", `make sanitize` runs the same
# suite under AddressSanitizer + UndefinedBehaviorSanitizer.

PREFIX ?= /usr/local
DESTDIR ?=
MANDIR ?= $(PREFIX)/share/man
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
# make install strips the binary; INSTALL_STRIP= keeps its symbols
INSTALL_STRIP ?= -s
BUILD ?= build
BIN ?= likely
SANITIZE ?=
# WERROR=1 turns every warning into an error (make lint builds that way)
WERROR ?=

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wformat=2 -Wno-format-nonliteral
CPPFLAGS_ALL = -Iinclude -I$(BUILD)/gen -D_POSIX_C_SOURCE=200809L -MMD -MP
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer

# Computed lazily (=) so `make deps` can install pkg-config and the
# libraries before anything asks for their flags.
LIB_CFLAGS = $(shell $(PKG_CONFIG) --cflags sqlite3 libxml-2.0 jansson xlsxwriter 2>/dev/null)
LIB_LIBS = $(shell $(PKG_CONFIG) --libs sqlite3 libxml-2.0 jansson xlsxwriter 2>/dev/null) \
	   -lcsv -lm -pthread
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ifeq ($(SANITIZE),1)
EXTRA = $(SAN_FLAGS)
else
EXTRA =
endif

ALL_CFLAGS = -pthread $(WARN) $(if $(WERROR),-Werror) $(CFLAGS) $(EXTRA) $(LIB_CFLAGS)

CORE_SRC = $(wildcard src/*/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ = $(BUILD)/src/main.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC = $(wildcard tests/tools/*.c)
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
BENCH_SRC = $(wildcard tests/bench/*.c)
BENCH_BIN = $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
# Fuzz harnesses: libFuzzer fuzzers (make fuzz, clang) and, built with a
# plain driver, replayers of the seeds and kept crash inputs (make check).
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzzer/%)
REPLAY_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/replay/%)
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang

.PHONY: all deps check sanitize bench lint install uninstall clean \
        golden-update report unit cases eval fuzz fuzzers crash man

all: deps
	@$(MAKE) --no-print-directory $(BIN)

deps:
	@sh scripts/deps.sh

# The built-in cue, horizon and topic tables are made from the shipped
# predictions/config files, so each entry is written once.
GEN = $(BUILD)/gen
CONFIG_INC = $(GEN)/lexicon.inc $(GEN)/horizons.inc $(GEN)/topics.inc

$(GEN)/lexicon.inc: predictions/config/lexicon.csv scripts/config-table.awk
	@mkdir -p $(dir $@)
	awk -v second=number -f scripts/config-table.awk $< > $@.tmp && mv $@.tmp $@

$(GEN)/horizons.inc: predictions/config/horizons.csv scripts/config-table.awk
	@mkdir -p $(dir $@)
	awk -v second=integer -f scripts/config-table.awk $< > $@.tmp && mv $@.tmp $@

$(GEN)/topics.inc: predictions/config/topics.csv scripts/config-table.awk
	@mkdir -p $(dir $@)
	awk -v second=string -f scripts/config-table.awk $< > $@.tmp && mv $@.tmp $@

$(BUILD)/src/extract/lexicon.o: $(GEN)/lexicon.inc
$(BUILD)/src/extract/horizon.o: $(GEN)/horizons.inc
$(BUILD)/src/extract/topic.o: $(GEN)/topics.inc

$(BIN): $(MAIN_OBJ) $(CORE_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIB_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(CORE_OBJ) \
		$(TEST_LIBS) $(LIB_LIBS)

$(BUILD)/tools/%: tests/tools/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LIB_LIBS)

$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/driver.c tests/fuzz/common.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/driver.c \
		tests/fuzz/common.c $(CORE_OBJ) $(LIB_LIBS)

$(BUILD)/fuzzer/%: tests/fuzz/%.c tests/fuzz/common.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< \
		tests/fuzz/common.c $(CORE_OBJ) $(LIB_LIBS)

$(BUILD)/bench/%: tests/bench/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LIB_LIBS)

check: deps
	@$(MAKE) --no-print-directory $(BIN) $(UNIT_BIN) $(TOOL_BIN) $(REPLAY_BIN) \
		$(BUILD)/bench/gen_pages $(BUILD)/bench/gen_html
	@sh tests/run-all.sh $(BUILD) $(BIN)

sanitize: deps
	@$(MAKE) --no-print-directory BUILD=build/san BIN=build/san/likely \
		SANITIZE=1 CFLAGS="-O1 -g" check

# bench: the deps step adds the peers the figures are set against (the
# sqlite3 shell, python3-pandas); without them those figures are skipped.
bench: deps
	@sh scripts/deps.sh bench || echo "bench: peers not installed; their figures are skipped" >&2
	@$(MAKE) --no-print-directory $(BIN) $(BENCH_BIN) $(TOOL_BIN)
	@sh tests/bench/run.sh $(BUILD) $(BIN)

# eval: extraction figures on ../shared's labelled pages (skips without it);
# EVAL_SHOW=N lists N misses and extras per set.
eval: deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh scripts/eval.sh $(BIN)

report: deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh scripts/report.sh $(BIN)

# fuzz: libFuzzer with ASan + UBSan (clang; the deps step installs it
# only for this target), each harness for FUZZ_SECONDS (default 60) from
# seeds made of the repository's data; crashes land in build/fuzz/crashes/
# and belong, once fixed, in tests/fuzz/regress/HARNESS/.
fuzz:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=$(FUZZ_CC) SANITIZE=1 \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" fuzzers
	@sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

fuzzers: $(FUZZ_BIN)

# crash: kill -9 import, extract and score at random moments and check
# what they leave (tests/crash.sh; CRASH_TRIALS per command, default 20).
crash: all
	@sh tests/crash.sh $(BIN)

golden-update: deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh tests/run-cases.sh --update $(BIN)

# lint: every source built with -Werror (in build/werror), then
# scripts/lint.sh: banned calls, library boundaries, cppcheck, and the
# formatting .clang-format decides.
lint:
	@sh scripts/deps.sh lint
	@$(MAKE) -s --no-print-directory BUILD=build/werror BIN=build/werror/likely WERROR=1 \
		build/werror/likely $(UNIT_BIN:$(BUILD)/%=build/werror/%) \
		$(TOOL_BIN:$(BUILD)/%=build/werror/%) $(BENCH_BIN:$(BUILD)/%=build/werror/%)
	@sh scripts/lint.sh

# man: doc/likely.1 from the help texts and doc/likely.1.in; run it after
# changing a command's options or help and commit the page (make check
# fails while they differ).
man: all
	@python3 scripts/gen-man.py $(abspath $(BIN)) doc/likely.1.in > doc/likely.1.tmp || \
		{ rm -f doc/likely.1.tmp; exit 1; }
	@mv doc/likely.1.tmp doc/likely.1

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASH_COMPLETION_DIR)
	install -m 755 $(INSTALL_STRIP) $(BIN) $(DESTDIR)$(PREFIX)/bin/likely
	install -m 644 doc/likely.1 $(DESTDIR)$(MANDIR)/man1/likely.1
	install -m 644 completions/likely.bash $(DESTDIR)$(BASH_COMPLETION_DIR)/likely

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/likely $(DESTDIR)$(MANDIR)/man1/likely.1 \
		$(DESTDIR)$(BASH_COMPLETION_DIR)/likely

clean:
	rm -rf build likely

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
