"""The bench floor around each verdict: recent parts, acknowledgements, line stops, operators,
lots and re-tests (``station.bench.floor``)."""
