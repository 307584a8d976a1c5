"""The site database's schema (PostgreSQL), versioned like the local one: ``site_schema`` holds
the version, each migration runs once, in order, in one transaction.

Every row a station ships keeps its station's id and its local id (``station_id``, ``local_id``:
the primary key), so shipping it twice changes nothing. Row-level security: a station's login
role (named as the station's id, member of ``site_station``) reads and writes its own rows only;
``site_technician`` reads all and adds decisions and model approvals; ``site_reader`` reads."""

from __future__ import annotations

# (table, [(column, SQL type)]): the local tables shipped to the site, column for column (the
# local ``id`` becomes ``local_id``); thumbnails and other blobs stay on the station
SHIPPED: list[tuple[str, list[tuple[str, str]]]] = [
    ("inspections", [("ts", "TEXT NOT NULL"), ("station", "TEXT"), ("operator", "TEXT"), ("category", "TEXT"),
                     ("model_id", "TEXT"), ("source", "TEXT"), ("source_kind", "TEXT"), ("image_path", "TEXT"),
                     ("image_sha256", "TEXT"), ("score", "DOUBLE PRECISION"), ("normalised_score", "DOUBLE PRECISION"),
                     ("threshold", "DOUBLE PRECISION"), ("verdict", "TEXT NOT NULL"), ("error", "TEXT"),
                     ("map_path", "TEXT"), ("total_ms", "DOUBLE PRECISION"), ("error_cause", "TEXT"), ("lot", "TEXT"),
                     ("retest_of", "BIGINT"), ("known_defect_score", "DOUBLE PRECISION")]),
    ("decisions", [("inspection_id", "BIGINT NOT NULL"), ("ts", "TEXT NOT NULL"), ("who", "TEXT NOT NULL"),
                   ("role", "TEXT NOT NULL"), ("decision", "TEXT NOT NULL"), ("defect_type", "TEXT"), ("reason", "TEXT"),
                   ("note", "TEXT"), ("context", "TEXT NOT NULL"), ("supersedes", "BIGINT")]),
    ("changes", [("ts", "TEXT NOT NULL"), ("who", "TEXT NOT NULL"), ("role", "TEXT"), ("subject", "TEXT NOT NULL"),
                 ("old_value", "TEXT"), ("new_value", "TEXT"), ("why", "TEXT")]),
    ("camera_events", [("ts", "TEXT NOT NULL"), ("station", "TEXT"), ("source", "TEXT"), ("event", "TEXT NOT NULL"),
                       ("detail", "TEXT")]),
    ("bench_events", [("ts", "TEXT NOT NULL"), ("station", "TEXT"), ("who", "TEXT"), ("event", "TEXT NOT NULL"),
                      ("detail", "TEXT")]),
    ("line_events", [("ts", "TEXT NOT NULL"), ("station", "TEXT"), ("link", "TEXT NOT NULL"), ("event", "TEXT NOT NULL"),
                     ("detail", "TEXT")]),
]


def _tables() -> str:
    out = []
    for table, cols in SHIPPED:
        body = ",\n    ".join(f"{c} {t}" for c, t in cols)
        out.append(f"""CREATE TABLE {table} (
    station_id TEXT NOT NULL, local_id BIGINT NOT NULL,
    {body},
    PRIMARY KEY (station_id, local_id)
);
CREATE INDEX {table}_ts ON {table} (ts);
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY {table}_own ON {table} FOR ALL TO site_station
    USING (station_id = current_user) WITH CHECK (station_id = current_user);
CREATE POLICY {table}_read ON {table} FOR SELECT TO site_technician, site_reader USING (true);
GRANT SELECT, INSERT ON {table} TO site_station;
GRANT SELECT ON {table} TO site_technician, site_reader;""")
    return "\n".join(out)


def _roles() -> str:
    return """
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'site_station') THEN CREATE ROLE site_station NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'site_technician') THEN CREATE ROLE site_technician NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'site_reader') THEN CREATE ROLE site_reader NOLOGIN; END IF;
END $$;"""


MIGRATIONS: list[str] = [
    # 1: roles, the shipped tables with their row-level security, the stations' sync state
    _roles() + "\n" + _tables() + """
CREATE TABLE stations (
    station_id TEXT PRIMARY KEY, last_seen TEXT NOT NULL, shipped_to TEXT
);
ALTER TABLE stations ENABLE ROW LEVEL SECURITY;
CREATE POLICY stations_own ON stations FOR ALL TO site_station
    USING (station_id = current_user) WITH CHECK (station_id = current_user);
CREATE POLICY stations_read ON stations FOR SELECT TO site_technician, site_reader USING (true);
GRANT SELECT, INSERT, UPDATE ON stations TO site_station;
GRANT SELECT ON stations TO site_technician, site_reader;
GRANT INSERT ON decisions TO site_technician;
CREATE POLICY decisions_technician ON decisions FOR INSERT TO site_technician WITH CHECK (true);
""",
    # 2: the site's model registry: versions published by stations (files on the site share, each
    #    with its SHA-256), technicians' approvals (append-only: the newest approval of a category is
    #    the site's model, so approving an older one again rolls the site back)
    """
CREATE TABLE model_registry (
    category TEXT NOT NULL, model_id TEXT NOT NULL, station_id TEXT NOT NULL, published_ts TEXT NOT NULL,
    files JSONB NOT NULL, manifest JSONB NOT NULL, PRIMARY KEY (category, model_id)
);
ALTER TABLE model_registry ENABLE ROW LEVEL SECURITY;
CREATE POLICY model_registry_publish ON model_registry FOR INSERT TO site_station WITH CHECK (station_id = current_user);
CREATE POLICY model_registry_read ON model_registry FOR SELECT TO site_station, site_technician, site_reader USING (true);
GRANT SELECT, INSERT ON model_registry TO site_station;
GRANT SELECT ON model_registry TO site_technician, site_reader;
CREATE TABLE model_approvals (
    id BIGSERIAL PRIMARY KEY, category TEXT NOT NULL, model_id TEXT NOT NULL, approved_by TEXT NOT NULL,
    approved_ts TEXT NOT NULL, why TEXT NOT NULL,
    FOREIGN KEY (category, model_id) REFERENCES model_registry (category, model_id)
);
GRANT SELECT ON model_approvals TO site_station, site_technician, site_reader;
GRANT INSERT ON model_approvals TO site_technician;
GRANT USAGE ON SEQUENCE model_approvals_id_seq TO site_technician;
""",
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn) -> int:
    """Bring the site database to ``SCHEMA_VERSION`` (psycopg connection of its owner); the version."""
    with conn.transaction():
        conn.execute("CREATE TABLE IF NOT EXISTS site_schema (version INTEGER NOT NULL)")
        conn.execute("LOCK TABLE site_schema IN EXCLUSIVE MODE")  # two stations migrating at once: one waits
        row = conn.execute("SELECT version FROM site_schema").fetchone()
        if row is None:
            conn.execute("INSERT INTO site_schema VALUES (0)")
        version = row[0] if row else 0
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"the site database has schema {version}, newer than this station ({SCHEMA_VERSION})")
    for v in range(version, SCHEMA_VERSION):
        with conn.transaction():
            conn.execute(MIGRATIONS[v])
            conn.execute("UPDATE site_schema SET version = %s", (v + 1,))
    return SCHEMA_VERSION


def add_station(conn, station_id: str, password: str) -> None:
    """A login role for one station (its own rows only); run by the site database's owner."""
    from psycopg import sql

    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (station_id,)).fetchone()
    verb = "ALTER" if exists else "CREATE"
    conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(station_id), sql.Literal(password)))
    conn.execute(sql.SQL("GRANT site_station TO {}").format(sql.Identifier(station_id)))
