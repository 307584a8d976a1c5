"""Judging a part: the loaded model (``inspector``), a run of images pipelined over the cores
(``batch_judge``), how a raw score becomes a verdict with its REVIEW band and intervals
(``calibration``), what confirmed defects add (``known_defects``), and the good scores' drift."""
