#!/usr/bin/env python3
"""Convert Microsoft's Northwind script (instnwnd.sql) into one JSON file per entity set.

Run once, by hand:  python3 convert.py path/to/instnwnd.sql
It writes Categories.json, Customers.json, ... next to itself (see README.md for provenance).

Each file is a JSON array of OData JSON entity bodies, one per line, in the order of the script,
with the property names of the classic Northwind OData service:
- money/decimal and real columns become JSON numbers, int/smallint integers, bit booleans;
- dates ('7/4/1996', SET DATEFORMAT mdy) become Edm.DateTimeOffset at midnight UTC,
  '1996-07-04T00:00:00Z', as the classic service sends them;
- the bitmaps (Categories.Picture, Employees.Photo: OLE-wrapped BMPs, about 0.4 MB of hex) are
  left out: the properties stay in the model, the seed rows do not carry them;
- every discontinued product becomes a NorthwindModel.DiscontinuedProduct (a type this example
  adds): "@odata.type" and a DiscontinuedDate, the date of the last order that included it.
"""

import json
import re
import sys
from datetime import date
from pathlib import Path

# Table name in the script -> (entity set, columns when the INSERT names none, column kinds).
# Kinds: i = integer, d = decimal/real number, s = string, b = bit, t = date, x = binary (dropped).
TABLES = {
    "Categories": ("Categories", None,
                   {"CategoryID": "i", "CategoryName": "s", "Description": "s", "Picture": "x"}),
    "Customers": ("Customers",
                  ["CustomerID", "CompanyName", "ContactName", "ContactTitle", "Address", "City",
                   "Region", "PostalCode", "Country", "Phone", "Fax"], {}),
    "Employees": ("Employees", None,
                  {"EmployeeID": "i", "BirthDate": "t", "HireDate": "t", "Photo": "x",
                   "ReportsTo": "i"}),
    "Order Details": ("Order_Details", ["OrderID", "ProductID", "UnitPrice", "Quantity", "Discount"],
                      {"OrderID": "i", "ProductID": "i", "UnitPrice": "d", "Quantity": "i",
                       "Discount": "d"}),
    "Orders": ("Orders", None,
               {"OrderID": "i", "EmployeeID": "i", "OrderDate": "t", "RequiredDate": "t",
                "ShippedDate": "t", "ShipVia": "i", "Freight": "d"}),
    "Products": ("Products", None,
                 {"ProductID": "i", "SupplierID": "i", "CategoryID": "i", "UnitPrice": "d",
                  "UnitsInStock": "i", "UnitsOnOrder": "i", "ReorderLevel": "i",
                  "Discontinued": "b"}),
    "Shippers": ("Shippers", None, {"ShipperID": "i"}),
    "Suppliers": ("Suppliers", None, {"SupplierID": "i"}),
}

INSERT = re.compile(r'INSERT\s+(?:INTO\s+)?"([A-Za-z ]+)"\s*(\(([^)]*)\))?\s*VALUES\s*\(')
TOKEN = re.compile(r"""\s*(?:
      (?P<str>N?'(?:[^']|'')*')
    | (?P<hex>0x[0-9A-Fa-f]*)
    | (?P<null>NULL)
    | (?P<num>-?[0-9]+(?:\.[0-9]+)?)
    )\s*(?P<end>[,)])""", re.X)


def values(text, pos):
    """The literals of one VALUES(...) tuple starting at pos, and the position after it."""
    out = []
    while True:
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"unexpected SQL at {pos}: {text[pos:pos + 60]!r}")
        if m["str"] is not None:
            s = m["str"]
            out.append(("s", s[s.index("'") + 1:-1].replace("''", "'")))
        elif m["hex"] is not None:
            out.append(("x", None))
        elif m["null"] is not None:
            out.append(("n", None))
        else:
            out.append(("num", m["num"]))
        pos = m.end()
        if m["end"] == ")":
            return out, pos


def convert(kind, literal):
    tag, value = literal
    if tag == "n":
        return None
    if kind == "i":
        return int(value)
    if kind == "d":
        # Shortest float text: 18 -> 18.0, 9.8 -> 9.8 (no value has more than 4 decimals).
        return float(value)
    if kind == "b":
        return value == "1"
    if kind == "t":
        month, day, year = (int(p) for p in value.split("/"))
        return date(year, month, day).isoformat() + "T00:00:00Z"
    if tag != "s":
        raise ValueError(f"expected a string, got {literal!r}")
    return value


def main(source):
    text = Path(source).read_text(encoding="utf-8")
    sets = {entity_set: [] for entity_set, _, _ in TABLES.values()}
    for m in INSERT.finditer(text):
        table = m[1]
        entity_set, default_columns, kinds = TABLES[table]
        columns = [c.strip().strip('"') for c in m[3].split(",")] if m[3] else default_columns
        literals, _ = values(text, m.end())
        if len(literals) != len(columns):
            raise ValueError(f"{table}: {len(columns)} columns, {len(literals)} values")
        row = {}
        for column, literal in zip(columns, literals):
            kind = kinds.get(column, "s")
            if kind == "x":
                continue
            row[column] = convert(kind, literal)
        sets[entity_set].append(row)

    # The derived type: discontinued products, discontinued after their last order.
    order_dates = {o["OrderID"]: o["OrderDate"] for o in sets["Orders"]}
    last_order = {}
    for line in sets["Order_Details"]:
        when = order_dates[line["OrderID"]]
        last_order[line["ProductID"]] = max(last_order.get(line["ProductID"], when), when)
    for i, product in enumerate(sets["Products"]):
        if product["Discontinued"]:
            sets["Products"][i] = {"@odata.type": "#NorthwindModel.DiscontinuedProduct",
                                   **product, "DiscontinuedDate": last_order[product["ProductID"]]}

    here = Path(__file__).resolve().parent
    for entity_set, rows in sets.items():
        lines = [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows]
        (here / f"{entity_set}.json").write_text("[\n" + ",\n".join(lines) + "\n]\n",
                                                 encoding="utf-8")
        print(f"{entity_set}: {len(rows)}")


if __name__ == "__main__":
    main(sys.argv[1])
