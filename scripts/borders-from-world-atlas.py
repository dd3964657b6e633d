#!/usr/bin/env python3
"""Makes data/borders.csv (the land borders between countries drawn on
`rampart report`'s maps) from the world-atlas npm package's countries-110m.json
TopoJSON. The sibling of scripts/coastlines-from-world-atlas.py; the same
CSV format, read by the same loader (io::load_coastlines).

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    scripts/borders-from-world-atlas.py /tmp/package/countries-110m.json > data/borders.csv

A border is a TopoJSON arc that two different countries share: the arcs
topojson-client's mesh(topology, countries, (a, b) => a !== b) keeps.
An arc used by one country only is a coastline (already in coastlines.csv).
Arcs are delta-encoded in quantized integer units, decoded with the
topology's transform (TopoJSON specification 2.1.2); an arc index i < 0
means arc ~i reversed, which does not matter here. Coordinates are rounded
to 0.01 deg (about 1 km, finer than the 1:110m source). Data: Natural Earth
(public domain), via world-atlas (ISC licence, Copyright 2013-2019 Michael
Bostock).
"""
import json
import sys


def polygon_arcs(geometry):
    """Every arc index of a Polygon or MultiPolygon geometry, as a set of non-negative indices."""
    if geometry["type"] == "Polygon":
        rings = geometry["arcs"]
    elif geometry["type"] == "MultiPolygon":
        rings = [ring for polygon in geometry["arcs"] for ring in polygon]
    else:
        return set()
    return {index if index >= 0 else ~index for ring in rings for index in ring}


def main(path):
    topology = json.load(open(path))
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    users = {}
    for number, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        for arc in polygon_arcs(geometry):
            users.setdefault(arc, set()).add(number)
    shared = sorted(arc for arc, countries in users.items() if len(countries) >= 2)
    print("# Land borders between countries for rampart's maps: one polyline per `line` number, lon,lat in degrees.")
    print("# Source: Natural Earth 1:110m admin 0 countries (public domain, naturalearthdata.com), version 4.1.0,")
    print("# as TopoJSON in the world-atlas npm package 2.0.2 (ISC licence, (c) 2013-2019 Michael Bostock).")
    print("# Made by scripts/borders-from-world-atlas.py from countries-110m.json (arcs shared by two")
    print("# countries, topojson mesh a !== b); do not edit by hand.")
    print("line,lon_deg,lat_deg")
    for line, arc_index in enumerate(shared):
        x = y = 0
        for dx, dy in topology["arcs"][arc_index]:
            x += dx
            y += dy
            lon = x * scale[0] + translate[0]
            lat = y * scale[1] + translate[1]
            print(f"{line},{lon:.2f},{lat:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
