"""``python -m station.cli``: the same as the ``station`` command."""
import sys

from station.cli.main import main

sys.exit(main())
