"""Places: the compiled gazetteer (`gazetteer`) and the geoparser that reads articles (`geoparse`,
which runs `recognition`, `candidates`, `context`, `ranking` and `choice` in turn)."""
