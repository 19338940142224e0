# The README's two commands: `make demo` and `make test`. Each sets everything up first.
DEMO_DB ?= demo/fogwatch.db
SAMPLE := src/fogwatch/data/sample

.PHONY: setup demo test lint

setup:
	scripts/setup.sh

demo: setup
	.venv/bin/fogwatch ingest --db $(DEMO_DB) $(SAMPLE)
	.venv/bin/fogwatch articles --db $(DEMO_DB) --limit 10
	.venv/bin/fogwatch places --db $(DEMO_DB) --limit 12
	.venv/bin/fogwatch events --db $(DEMO_DB) --modality asserted --limit 15
	.venv/bin/fogwatch claims --db $(DEMO_DB) --contested --limit 12
	.venv/bin/fogwatch place --db $(DEMO_DB) Pokrovsk
	.venv/bin/fogwatch extract $(SAMPLE)/seed_01.txt
	@echo "serve it: .venv/bin/fogwatch serve --db $(DEMO_DB) → http://127.0.0.1:8000/"

lint:
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks
	.venv/bin/mypy src/fogwatch

test:
	scripts/setup.sh --test
	$(MAKE) lint
	.venv/bin/pytest
