"""Places: the compiled gazetteer (`gazetteer`) and the geoparser that reads articles (`geoparse`)."""
