"""Places: an offline GeoNames gazetteer, toponym resolution and event location."""
