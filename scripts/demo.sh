#!/usr/bin/env bash
# The default demo (`make run`): the European missile-defence scenario
# (scenarios/europe.yaml) checked, then run once: a raid of MRBMs from Iran
# against the Aegis Ashore sites in Romania and Poland, seen by the forward
# radar in Turkey. Prints what happened and writes the run's files under
# OUT_DIR/europe, with its HTML report (report.html, printed last).
# (scripts/trajectory-table.sh is the older table of trajectories to
# European cities.)
#
#   usage: scripts/demo.sh RAMPART_BINARY OUT_DIR
set -euo pipefail
rampart=${1:?usage: demo.sh RAMPART_BINARY OUT_DIR}
out=${2:?usage: demo.sh RAMPART_BINARY OUT_DIR}
mkdir -p "$out"

"$rampart" validate scenarios/europe.yaml
echo
"$rampart" run scenarios/europe.yaml -o "$out/europe"
echo
echo "Other scenarios: rampart run scenarios/icbm-overflight.yaml (can Redzikowo reach ICBMs bound for the"
echo "United States?), rampart run scenarios/salvo.yaml (a raid larger than the magazine)."
echo
# The run wrote its HTML report (maps, profiles, timeline, tables) next to its files.
test -f "$out/europe/report.html"
echo "report: $out/europe/report.html"
