"""The window's flows, one controller each: feeds, categories and training, explanations,
review, threshold, master defects, learning, settings, the bench floor, and the technician
toolbar that wires them (``technician_tools``)."""
