"""The QThread workers: judging (``inspection``), training (``training``) and explanations
(``explanation``). Each reports through queued signals and can be cancelled."""
