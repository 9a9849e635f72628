# reprint - build, test, run, benchmark.
#
#   make            library (libreprint.a, libreprint.so, reprint.pc) and ./reprint
#   make run        install missing Debian packages (as root), build, scan data/samples
#   make test       unit, CLI and fuzz-corpus tests under ASan + UBSan
#   make test-valgrind  the unit tests under valgrind (no sanitizers)
#   make bench      throughput per stage on a generated corpus (bench/README.md)
#   make bench-full [PEERS=DIR]  scaling with input size, up to 2 GB
#   make bench-peer PEERS=DIR    against the Go MinHash-LSH peer
#   make fuzz       libFuzzer targets (clang)
#   make format-check
#
# Everything is built out of tree in build/ (release) and build/asan/ (tests).

CC      ?= cc
PREFIX  ?= /usr/local
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion \
           -Wshadow -Werror
DEPS_PKGS = libxxhash libutf8proc uchardet opencc
DEB_PKGS  = build-essential pkg-config libxxhash-dev libutf8proc-dev libuchardet-dev \
            libopencc-dev libcmocka-dev python3
# Expanded when a recipe runs, not when the Makefile is read: on a fresh
# machine check-deps installs the packages first, and flags read before
# that would be empty (uchardet's header is in a directory of its own).
DEP_CFLAGS = $(shell pkg-config --cflags $(DEPS_PKGS) 2>/dev/null)
DEP_LIBS   = $(shell pkg-config --libs $(DEPS_PKGS) 2>/dev/null || echo -lxxhash -lutf8proc -luchardet -lopencc)
LIBS     = $(DEP_LIBS) -lm -lpthread

# The library exports only what include/reprint.h marks RP_API.
LIBVIS   = -fvisibility=hidden
SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# The test builds (build/asan, build/vg) only: the allocation-failure hook
# of tests/unit/test_alloc.c. The shipped library never has it. Their
# library objects depend on the Makefile, so a changed flag rebuilds them.
FAULT    = -DRP_FAULT_INJECTION

LIB_SRC  = $(sort $(wildcard src/lib/*.c))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
CLI_LIB  = $(filter-out src/cli/main.c,$(CLI_SRC))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))

B  = build
BA = build/asan

LIB_OBJ   = $(LIB_SRC:src/lib/%.c=$(B)/lib/%.o)
PIC_OBJ   = $(LIB_SRC:src/lib/%.c=$(B)/pic/%.o)
CLI_OBJ   = $(CLI_SRC:src/cli/%.c=$(B)/cli/%.o)
ALIB_OBJ  = $(LIB_SRC:src/lib/%.c=$(BA)/lib/%.o)
ACLI_OBJ  = $(CLI_SRC:src/cli/%.c=$(BA)/cli/%.o)
ACLIL_OBJ = $(CLI_LIB:src/cli/%.c=$(BA)/cli/%.o)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BA)/tests/%)

.PHONY: all run test test-valgrind unit-tests cli-tests fuzz-replay bench bench-full bench-peer fuzz \
        deps check-deps format format-check clean install

all: check-deps reprint $(B)/libreprint.a $(B)/libreprint.so $(B)/reprint.pc

# --- dependencies -----------------------------------------------------------
# Missing Debian packages are installed when running as root; otherwise the
# exact apt-get line is printed and make stops.
check-deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing || exit 1; \
	  else \
	    echo "reprint needs these Debian packages:$$missing"; \
	    echo "run:  sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

deps: check-deps

# --- release build ----------------------------------------------------------
$(B)/lib/%.o: src/lib/%.c include/reprint.h $(wildcard src/lib/*.h) | check-deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(LIBVIS) -Iinclude -Isrc/lib $(DEP_CFLAGS) -c $< -o $@

$(B)/pic/%.o: src/lib/%.c include/reprint.h $(wildcard src/lib/*.h) | check-deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(LIBVIS) -fPIC -Iinclude -Isrc/lib $(DEP_CFLAGS) -c $< -o $@

$(B)/cli/%.o: src/cli/%.c include/reprint.h $(wildcard src/cli/*.h) | check-deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -Iinclude -Isrc/cli -c $< -o $@

$(B)/libreprint.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/libreprint.so: $(PIC_OBJ)
	$(CC) -shared -Wl,-soname,libreprint.so.0 -o $@ $^ $(LIBS)

$(B)/reprint.pc: Makefile
	@mkdir -p $(@D)
	printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include\n\nName: reprint\nDescription: find the same story published more than once\nVersion: %s\nRequires.private: $(DEPS_PKGS)\nLibs: -L$${libdir} -lreprint\nLibs.private: -lm -lpthread\nCflags: -I$${includedir}\n' \
	  '$(PREFIX)' "$$(sed -n 's/^#define RP_VERSION_STRING "\(.*\)"/\1/p' include/reprint.h)" > $@

reprint: $(CLI_OBJ) $(B)/libreprint.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(B)/libreprint.a $(LIBS)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 755 reprint $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(B)/libreprint.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(B)/libreprint.so $(DESTDIR)$(PREFIX)/lib/libreprint.so.0
	ln -sf libreprint.so.0 $(DESTDIR)$(PREFIX)/lib/libreprint.so
	install -m 644 $(B)/reprint.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/
	install -m 644 include/reprint.h $(DESTDIR)$(PREFIX)/include/

# --- the main job on the shipped samples -------------------------------------
# Whole pages: furniture is removed by rules and learned across outlets.
run: all
	./reprint scan data/samples

# --- tests (ASan + UBSan) ----------------------------------------------------
$(BA)/lib/%.o: src/lib/%.c include/reprint.h $(wildcard src/lib/*.h) Makefile | check-deps
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(SAN) $(FAULT) $(LIBVIS) -Iinclude -Isrc/lib $(DEP_CFLAGS) -c $< -o $@

$(BA)/cli/%.o: src/cli/%.c include/reprint.h $(wildcard src/cli/*.h) | check-deps
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(SAN) -Iinclude -Isrc/cli -c $< -o $@

$(BA)/libreprint.a: $(ALIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BA)/reprint: $(ACLI_OBJ) $(BA)/libreprint.a
	$(CC) $(SAN) -o $@ $(ACLI_OBJ) $(BA)/libreprint.a $(LIBS)

# Unit tests are white box: they see the library internals.
$(BA)/tests/test_%: tests/unit/test_%.c tests/unit/testutil.h $(BA)/libreprint.a $(ACLIL_OBJ)
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 -g $(SAN) $(FAULT) -Wall -Wextra -Werror -Iinclude -Isrc/lib -Isrc/cli -Itests/unit \
	  $(DEP_CFLAGS) -o $@ $< $(ACLIL_OBJ) $(BA)/libreprint.a -lcmocka $(LIBS)

$(BA)/fuzz_replay: tests/fuzz/replay.c tests/fuzz/targets.c $(BA)/libreprint.a $(ACLIL_OBJ)
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 -g $(SAN) -Wall -Wextra -Werror -Iinclude -Isrc/lib -Isrc/cli \
	  $(DEP_CFLAGS) -o $@ tests/fuzz/replay.c tests/fuzz/targets.c $(ACLIL_OBJ) $(BA)/libreprint.a $(LIBS)

test: check-deps $(UNIT_BIN) $(BA)/reprint $(BA)/fuzz_replay $(B)/libreprint.so $(B)/libreprint.a
	@LIBSO=$(B)/libreprint.so LIBA=$(B)/libreprint.a ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  tests/run.sh $(BA)

# --- a second opinion: the unit tests under valgrind, no sanitizers ----------
VG = build/vg
VLIB_OBJ  = $(LIB_SRC:src/lib/%.c=$(VG)/lib/%.o)
VCLIL_OBJ = $(CLI_LIB:src/cli/%.c=$(VG)/cli/%.o)
VUNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(VG)/tests/%)
$(VG)/lib/%.o: src/lib/%.c include/reprint.h $(wildcard src/lib/*.h) Makefile | check-deps
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(FAULT) $(LIBVIS) -Iinclude -Isrc/lib $(DEP_CFLAGS) -c $< -o $@
$(VG)/cli/%.o: src/cli/%.c include/reprint.h $(wildcard src/cli/*.h) | check-deps
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g -Iinclude -Isrc/cli -c $< -o $@
$(VG)/libreprint.a: $(VLIB_OBJ)
	rm -f $@ && ar rcs $@ $^
$(VG)/tests/test_%: tests/unit/test_%.c tests/unit/testutil.h $(VG)/libreprint.a $(VCLIL_OBJ)
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 -g $(FAULT) -Wall -Wextra -Werror -Iinclude -Isrc/lib -Isrc/cli -Itests/unit \
	  $(DEP_CFLAGS) -o $@ $< $(VCLIL_OBJ) $(VG)/libreprint.a -lcmocka $(LIBS)
.SECONDARY: $(VLIB_OBJ) $(VCLIL_OBJ)
test-valgrind: check-deps $(VUNIT_BIN)
	@command -v valgrind >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends valgrind; \
	  else echo "make test-valgrind needs valgrind: sudo apt-get install valgrind"; exit 1; fi; }
	tests/valgrind.sh $(VG)

# --- fuzzing (clang + libFuzzer) ---------------------------------------------
FUZZ_TARGETS = normalize jsonl pipeline decode page date
fuzz: $(BA)/libreprint.a
	@mkdir -p $(B)/fuzz
	for t in $(FUZZ_TARGETS); do \
	  clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -DFUZZ_TARGET_$$t \
	    -Iinclude -Isrc/lib -Isrc/cli $(DEP_CFLAGS) tests/fuzz/targets.c $(LIB_SRC) $(CLI_LIB) \
	    -o $(B)/fuzz/fuzz_$$t $(LIBS) || exit 1; \
	done

# --- benchmarks ---------------------------------------------------------------
$(B)/bench_sign: bench/bench_sign.c $(B)/libreprint.a
	$(CC) $(WARN) $(CFLAGS) -Iinclude -o $@ $< $(B)/libreprint.a $(LIBS)

bench: all $(B)/bench_sign
	bench/run.sh $(B)

# make bench-full [PEERS=DIR]: time and RSS against input size (bench/full.sh):
#   the peers' corpus DIR/S, DIR/M, DIR/L (docs.jsonl each; built with the
#   scripts in ../shared/peers, see its README.md; skipped when PEERS is not
#   set) and generated corpora of 21, 210 and 2100 MB.
# make bench-peer PEERS=DIR: reprint against the Go MinHash-LSH peer on DIR/L
#   (bench/peer.sh), with precision and recall against DIR/L/gt.pkl.
PEERS ?=

bench-full: all $(B)/bench_sign
	bench/full.sh $(PEERS)

bench-peer: all
	@if [ -z "$(PEERS)" ]; then echo "set PEERS=DIR: the peers' corpus (../shared/peers/README.md)"; exit 2; fi
	bench/peer.sh $(PEERS)/L

# --- style --------------------------------------------------------------------
format:
	clang-format -i src/lib/*.[ch] src/cli/*.[ch] include/*.h tests/unit/*.[ch] tests/fuzz/*.c bench/*.c

format-check:
	clang-format --dry-run --Werror src/lib/*.[ch] src/cli/*.[ch] include/*.h tests/unit/*.[ch] tests/fuzz/*.c bench/*.c

clean:
	rm -rf build reprint
