# Lotsen: `make run` (install, build, serve demo data), `make test`, `make bench`. Thin wrappers over scripts/.
JOBS ?= $(shell nproc)

.PHONY: run test bench fuzz build format clean

run: build
	scripts/run

test:
	scripts/setup test
	scripts/test

bench: build
	scripts/setup bench
	bench/run

fuzz:
	scripts/setup fuzz
	scripts/fuzz

build:
	scripts/setup build
	cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DLOTSEN_TESTS=OFF
	cmake --build build/release -j$(JOBS)
	scripts/web

format:
	scripts/setup format
	find src tests -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf build
