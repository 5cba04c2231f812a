# Reads an events CSV with Debian's python3-pandas, with the dtypes an
# analyst would give ACLED's columns, checks the codes, and prints what
# the tests of package events compare as JSON.
import json
import sys

import pandas as pd

ints = ["year", "time_precision", "geo_precision", "timestamp", "footnote"]
nullable = ["inter1", "inter2", "interaction", "iso", "fatalities", "best", "low", "high"]
strs = ["event_id_cnty", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2", "country",
        "admin1", "location", "source", "notes", "tags", "kind", "places", "figures", "civilian_targeting"]
dtype = {c: "int64" for c in ints} | {c: "Int64" for c in nullable} | {c: "string" for c in strs}
dtype |= {"latitude": "float64", "longitude": "float64"}
df = pd.read_csv(sys.argv[1], dtype=dtype, parse_dates=["event_date", "date_start", "date_end"],
                 keep_default_na=False, na_values={c: [""] for c in nullable + ["latitude", "longitude", "date_end", "event_date", "date_start"]},
                 encoding="utf-8")
problems = []
if str(df["event_date"].dtype) != "datetime64[ns]" and len(df):
    problems.append("event_date is " + str(df["event_date"].dtype))
if not df["time_precision"].isin([1, 2, 3]).all():
    problems.append("time_precision outside 1-3")
if not df["geo_precision"].isin([1, 2, 3]).all():
    problems.append("geo_precision outside 1-3")
if not df["latitude"].dropna().between(-90, 90).all() or not df["longitude"].dropna().between(-180, 180).all():
    problems.append("coordinates out of range")
both = df.dropna(subset=["low", "best", "high"])
if not ((both["low"] <= both["best"]) & (both["best"] <= both["high"])).all():
    problems.append("low <= best <= high broken")
if not (df["fatalities"].dropna() == df["low"].dropna()).all():
    problems.append("fatalities differ from low")
json.dump({
    "columns": list(df.columns),
    "dtypes": {c: str(t) for c, t in df.dtypes.items()},
    "ids": list(df["event_id_cnty"]),
    "notes": list(df["notes"]),
    "problems": problems,
}, sys.stdout, ensure_ascii=False)
