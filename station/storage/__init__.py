"""What the station keeps on disk: the inspection history (``history``), stored explanations
(``explanations``), the technicians' review and change log (``reviews``), the bench log
(``bench_log``), shifts (``shifts``) and the retention sweep (``retention``)."""
