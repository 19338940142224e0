"""Scoring fogwatch against public gold corpora (paths under ../shared/eval, never copied here)."""
