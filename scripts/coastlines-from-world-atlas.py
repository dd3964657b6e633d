#!/usr/bin/env python3
"""Makes data/coastlines.csv (the coastlines drawn under `rampart footprint`'s
SVG heatmap) from the world-atlas npm package's land-110m.json TopoJSON.

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    scripts/coastlines-from-world-atlas.py /tmp/package/land-110m.json > data/coastlines.csv

Every TopoJSON arc of the land object is one coastline polyline: the arcs
are delta-encoded in quantized integer units, decoded with the topology's
transform (TopoJSON specification 2.1.2). Coordinates are rounded to 0.01
deg (about 1 km, finer than the 1:110m source). Data: Natural Earth (public
domain), via world-atlas (ISC licence, Copyright 2013-2019 Michael Bostock).
"""
import json
import sys


def main(path):
    topology = json.load(open(path))
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    print("# Coastlines (land outlines) for rampart's maps: one polyline per `line` number, lon,lat in degrees.")
    print("# Source: Natural Earth 1:110m land (public domain, naturalearthdata.com), version 4.1.0,")
    print("# as TopoJSON in the world-atlas npm package 2.0.2 (ISC licence, (c) 2013-2019 Michael Bostock).")
    print("# Made by scripts/coastlines-from-world-atlas.py from land-110m.json; do not edit by hand.")
    print("line,lon_deg,lat_deg")
    for i, arc in enumerate(topology["arcs"]):
        x = y = 0
        for dx, dy in arc:
            x += dx
            y += dy
            lon = x * scale[0] + translate[0]
            lat = y * scale[1] + translate[1]
            print(f"{i},{lon:.2f},{lat:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
