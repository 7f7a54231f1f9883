#!/usr/bin/env python3
"""Write CAP's seed files (db/data/NorthwindModel-<Set>.json) from the example's Northwind data.

The rows are the same as the example server's (odata-server/examples/northwind/data/*.json);
"@odata.type" is dropped (CAP has no derived entity types; DiscontinuedDate is a property of
every product in cap/db/schema.cds).
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent.parent / "odata-server" / "examples" / "northwind" / "data"
TARGET = HERE / "db" / "data"

TARGET.mkdir(parents=True, exist_ok=True)
for path in sorted(SOURCE.glob("*.json")):
    rows = json.loads(path.read_text(encoding="utf-8"))
    for row in rows:
        row.pop("@odata.type", None)
    out = TARGET / f"NorthwindModel-{path.stem}.json"
    out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
