# likely -- plain Makefile.  `make` builds ./likely, `make check` runs every
# test and ends with "N passed, N failed", `make sanitize` runs the same
# suite under AddressSanitizer + UndefinedBehaviorSanitizer.

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
BIN ?= likely
SANITIZE ?=

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wformat=2 -Wno-format-nonliteral
CPPFLAGS_ALL = -Iinclude -D_POSIX_C_SOURCE=200809L -MMD -MP
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer

# Computed lazily (=) so `make deps` can install pkg-config and the
# libraries before anything asks for their flags.
LIB_CFLAGS = $(shell $(PKG_CONFIG) --cflags sqlite3 libxml-2.0 jansson 2>/dev/null)
LIB_LIBS = $(shell $(PKG_CONFIG) --libs sqlite3 libxml-2.0 jansson 2>/dev/null) -lcsv -lm
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ifeq ($(SANITIZE),1)
EXTRA = $(SAN_FLAGS)
else
EXTRA =
endif

ALL_CFLAGS = $(WARN) $(CFLAGS) $(EXTRA) $(LIB_CFLAGS)

CORE_SRC = $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard src/cmd/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ = $(BUILD)/src/main.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC = $(wildcard tests/tools/*.c)
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
BENCH_SRC = $(wildcard tests/bench/*.c)
BENCH_BIN = $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)

.PHONY: all deps check sanitize bench lint install uninstall clean \
        golden-update report unit cases eval

all: deps
	@$(MAKE) --no-print-directory $(BIN)

deps:
	@sh scripts/deps.sh

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

$(BUILD)/bench/%: tests/bench/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LIB_LIBS)

check: deps
	@$(MAKE) --no-print-directory $(BIN) $(UNIT_BIN) $(TOOL_BIN)
	@sh tests/run-all.sh $(BUILD) $(BIN)

sanitize: deps
	@$(MAKE) --no-print-directory BUILD=build/san BIN=build/san/likely \
		SANITIZE=1 CFLAGS="-O1 -g" check

bench: deps
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

golden-update: deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh tests/run-cases.sh --update $(BIN)

lint:
	@sh scripts/lint.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/likely

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/likely

clean:
	rm -rf build likely

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
