# Reads a GeoJSON file with Debian's python3-geojson, validates it, and
# prints what the tests of package geojson compare as JSON: each
# feature's id, geometry type, first position and name.
import json
import sys

import geojson

with open(sys.argv[1], encoding="utf-8") as f:
    obj = geojson.load(f)
out = {"valid": obj.is_valid, "errors": obj.errors(), "type": obj["type"], "features": []}
for feat in obj["features"]:
    g = feat["geometry"]
    first = g["coordinates"]
    while isinstance(first, list) and first and isinstance(first[0], list):
        first = first[0]
    out["features"].append({"id": feat["id"], "type": g["type"], "first": first,
                            "name": feat["properties"]["name"], "valid": feat.is_valid})
json.dump(out, sys.stdout, ensure_ascii=False)
