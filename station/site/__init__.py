"""A site of many stations: each station's SQLite log shipped to one PostgreSQL (``sync``),
its schema, roles and row-level security (``schema``), the site report (``report``), the
settings (``config``) and the window's shipping rounds (``hub``); the command line is
``station.cli.site``."""
