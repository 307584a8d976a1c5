"""The site database's settings (``site/`` in ``settings.ini``) and how a station connects.

The password is never in ``settings.ini``: libpq reads it from a password file in its own
format (``site/passfile``: ``host:port:dbname:user:password``, readable by the station's user
only). TLS is libpq's ``sslmode`` (``prefer`` by default; ``verify-full`` with
``site/sslrootcert`` checks the server's certificate and name)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteConfig:
    host: str = "127.0.0.1"
    port: int = 5432
    dbname: str = "inspection_site"
    user: str = ""
    """The PostgreSQL role: a station's own id (it writes its own rows only), or a technician's
    or reader's role for the site review and report."""
    passfile: str = ""
    sslmode: str = "prefer"
    sslrootcert: str = ""
    every_s: int = 10
    """Seconds between shipping rounds in the window."""

    def conninfo(self) -> dict:
        out = {"host": self.host, "port": self.port, "dbname": self.dbname, "user": self.user,
               "sslmode": self.sslmode, "connect_timeout": 3, "application_name": "inspection-station"}
        if self.passfile:
            out["passfile"] = self.passfile
        if self.sslrootcert:
            out["sslrootcert"] = self.sslrootcert
        return out

    def connect(self):
        import psycopg

        return psycopg.connect(autocommit=True, **self.conninfo())


def read_site_config(settings, station: str = "") -> SiteConfig | None:
    """The site settings when ``site/enabled`` is on, else None."""
    if str(settings.value("site/enabled", "false")).lower() not in ("1", "true", "yes", "on"):
        return None
    try:
        port, every = int(settings.value("site/port", 5432)), int(settings.value("site/every_s", 10))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"site/port or site/every_s: {exc}") from None
    return SiteConfig(host=str(settings.value("site/host", "127.0.0.1")), port=port,
                      dbname=str(settings.value("site/dbname", "inspection_site")),
                      user=str(settings.value("site/user", "")) or station,
                      passfile=str(settings.value("site/passfile", "")), sslmode=str(settings.value("site/sslmode", "prefer")),
                      sslrootcert=str(settings.value("site/sslrootcert", "")), every_s=max(2, every))
