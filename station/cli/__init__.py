"""The ``station`` command line: ``station.cli.main`` parses and dispatches; ``train``,
``people``, ``dataset_runs`` hold the longer sub-commands; ``common`` the shared helpers."""
from station.cli.main import main

__all__ = ["main"]
