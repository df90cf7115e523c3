#!/usr/bin/env python3
"""Draws the two Teams app icons with no dependencies (run once; the PNGs are committed).

color.png   192x192: a solid accent-coloured square, the symbol in the middle 96x96 (48 px padding), as Teams asks.
outline.png  32x32: the same symbol in pure white on a fully transparent background.

The symbol is Jeanne Bliss's marble jar: a jar outline holding three marbles.
"""
import struct, zlib, pathlib

ACCENT = (0x1F, 0x6F, 0x5C)
HERE = pathlib.Path(__file__).parent


def symbol(x, y):
    """True where the symbol is, for x, y in the unit square."""
    # jar walls and bottom (a U), and a lip on top
    wall = 0.09
    inside_jar = 0.18 <= x <= 0.82 and 0.22 <= y <= 0.92
    inner = 0.18 + wall <= x <= 0.82 - wall and y <= 0.92 - wall
    lip = 0.12 <= x <= 0.88 and 0.12 <= y <= 0.22
    marbles = [(0.40, 0.70, 0.105), (0.61, 0.70, 0.105), (0.50, 0.50, 0.105)]
    in_marble = any((x - cx) ** 2 + (y - cy) ** 2 <= r * r for cx, cy, r in marbles)
    return (inside_jar and not inner) or lip or in_marble


def coverage(px, py, size, pad, samples=4):
    span = size - 2 * pad
    hits = 0
    for i in range(samples):
        for j in range(samples):
            x = (px + (i + 0.5) / samples - pad) / span
            y = (py + (j + 0.5) / samples - pad) / span
            hits += 0 <= x <= 1 and 0 <= y <= 1 and symbol(x, y)
    return hits / (samples * samples)


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)


def color_pixel(x, y):
    c = coverage(x, y, 192, 48)
    return tuple(round(a * (1 - c) + 255 * c) for a in ACCENT) + (255,)


def outline_pixel(x, y):
    return (255, 255, 255, round(255 * coverage(x, y, 32, 0)))


if __name__ == "__main__":
    png(HERE / "color.png", 192, color_pixel)
    png(HERE / "outline.png", 32, outline_pixel)
    print("wrote color.png and outline.png")
