#!/usr/bin/env bash
# A table of trajectories: the catalog's missiles from notional launch
# areas in the Middle East to European cities, on the rotating WGS-84 Earth,
# then a raid tracked by the forward and Aegis Ashore radars. Writes every
# result under OUT_DIR and prints what it found.
#
#   usage: scripts/trajectory-table.sh RAMPART_BINARY OUT_DIR
set -euo pipefail
rampart=${1:?usage: trajectory-table.sh RAMPART_BINARY OUT_DIR}
out=${2:?usage: trajectory-table.sh RAMPART_BINARY OUT_DIR}
mkdir -p "$out"

# Launch areas (notional points, city centres rounded to 0.1 deg) and
# aim points (city centres from public gazetteers, rounded to 0.01 deg).
launch_areas=("Tabriz area:38.1,46.3" "Tehran area:35.7,51.4" "Shiraz area:29.6,52.5")
cities=("Ankara:39.93,32.86" "Bucharest:44.43,26.10" "Athens:37.98,23.73" "Warsaw:52.23,21.01"
        "Rome:41.90,12.50" "Berlin:52.52,13.40" "London:51.51,-0.13")
missiles=(srbm-300 mrbm-1300 mrbm-2000 icbm-10000)

results="$out/trajectories.jsonl"
: > "$results"
for missile in "${missiles[@]}"; do
  for launch in "${launch_areas[@]}"; do
    for city in "${cities[@]}"; do
      if json=$("$rampart" trajectory --from "${launch#*:}" --to "${city#*:}" --missile "$missile" --json 2> "$out/.err"); then
        status=ok
      else
        code=$?
        [[ $code -eq 2 ]] || { cat "$out/.err" >&2; exit "$code"; }
        status=$(sed 's/^[^:]*: error: //' "$out/.err")
        json=null
      fi
      python3 -c 'import json,sys; print(json.dumps({"missile": sys.argv[1], "launch": sys.argv[2], "target": sys.argv[3], "status": sys.argv[4], "trajectory": json.loads(sys.argv[5])}))' \
        "$missile" "${launch%%:*}" "${city%%:*}" "$status" "$json" >> "$results"
    done
  done
done
rm -f "$out/.err"

python3 - "$results" "$out/trajectories.csv" <<'PY'
import csv, json, re, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
columns = ["ground_range_m", "flight_time_s", "apogee_altitude_m", "burnout_speed_mps",
           "reentry_speed_100km_mps", "impact_speed_mps", "miss_m"]
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["missile", "launch", "target", "status"] + columns)
    for r in rows:
        t = r["trajectory"] or {}
        w.writerow([r["missile"], r["launch"], r["target"], r["status"]] + [t.get(c, "") for c in columns])

print("rampart demo: minimum-energy trajectories of the catalog's notional missiles (data/missiles.yaml)")
print("on the rotating WGS-84 Earth. Each cell: flight time in minutes / apogee in km; '-' beyond range.\n")
targets = list(dict.fromkeys(r["target"] for r in rows))
print(f"{'missile':<11} {'launch area':<12}" + "".join(f"{t:>13}" for t in targets))
by_key = {(r["missile"], r["launch"], r["target"]): r for r in rows}
for missile in dict.fromkeys(r["missile"] for r in rows):
    for launch in dict.fromkeys(r["launch"] for r in rows):
        cells = []
        for target in targets:
            t = by_key[(missile, launch, target)]["trajectory"]
            cells.append(f"{t['flight_time_s']/60:.1f} / {t['apogee_altitude_m']/1e3:.0f}" if t else "-")
        print(f"{missile:<11} {launch:<12}" + "".join(f"{c:>13}" for c in cells))
maxima = {}
for r in rows:
    m = re.search(r"maximum range of (\d+) km", r["status"])
    if m: maxima.setdefault(r["missile"], []).append(int(m.group(1)))
if maxima:
    print("\nmaximum ranges met on the way (km, over the azimuths tried): " +
          ", ".join(f"{k} {min(v)}-{max(v)}" for k, v in maxima.items()))
reached = sum(1 for r in rows if r["trajectory"])
print(f"\n{reached} of {len(rows)} missile/launch/target combinations in range. "
      f"Results: {sys.argv[2]} and {sys.argv[1]}")
PY

# Then the radars and the tracker on a raid of ten MRBMs toward Romania.
echo
"$rampart" track scenarios/mrbm-raid-romania.yaml -o "$out/track"
