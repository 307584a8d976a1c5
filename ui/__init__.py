"""Qt widgets of the station: they show data and emit signals; no torch, no ML maths."""
