#!/usr/bin/env python3
"""Draw the ATTK icon (a navy/blue shield with a white check mark) without any image library.

Writes resources/icon.png (512x512) and resources/icon.ico (16-256 px, PNG-compressed entries).
Each size is rendered directly (not downscaled) with 4x4 supersampling, so small sizes stay crisp.
Run: /usr/bin/python3 resources/make-icon.py
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

OUTLINE = (11, 31, 77)  # navy
LEFT = (47, 111, 224)  # light half of the shield
RIGHT = (29, 78, 190)  # shaded half
MARK = (255, 255, 255)

# Geometry in a unit square.
CX, TOP, BOTTOM, HALF_WIDTH, CORNER = 0.5, 0.06, 0.96, 0.40, 0.07
SHOULDER = 0.42  # fraction of the height where the sides start curving to the tip
CHECK = [(0.315, 0.505), (0.455, 0.645), (0.700, 0.385)]
CHECK_RADIUS = 0.052


def inside_shield(x, y, inset):
    top, bottom = TOP + inset, BOTTOM - inset * 1.7
    half, corner = HALF_WIDTH - inset, max(CORNER - inset * 0.5, 0.01)
    if y < top or y > bottom:
        return False
    t = (y - top) / (bottom - top)
    if t <= SHOULDER:
        w = half
    else:
        s = (t - SHOULDER) / (1 - SHOULDER)
        # cos gives a smooth shoulder and a straight-edged point at the tip.
        w = half * math.cos(s * math.pi / 2) ** 0.85
    dx = abs(x - CX)
    if dx > w:
        return False
    if y < top + corner and dx > half - corner:
        return math.hypot(dx - (half - corner), y - (top + corner)) <= corner
    return True


def near_check(x, y):
    for (ax, ay), (bx, by) in zip(CHECK, CHECK[1:]):
        vx, vy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)))
        if math.hypot(x - (ax + t * vx), y - (ay + t * vy)) <= CHECK_RADIUS:
            return True
    return False


def render(size, samples=4):
    border = 0.035
    rows = []
    offsets = [(i + 0.5) / samples for i in range(samples)]
    n = samples * samples
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0
        for px in range(size):
            outer = inner_left = inner_right = mark = 0
            for oy in offsets:
                y = (py + oy) / size
                for ox in offsets:
                    x = (px + ox) / size
                    if not inside_shield(x, y, 0.0):
                        continue
                    outer += 1
                    if inside_shield(x, y, border):
                        if near_check(x, y):
                            mark += 1
                        elif x < CX:
                            inner_left += 1
                        else:
                            inner_right += 1
            if outer == 0:
                row += b'\x00\x00\x00\x00'
                continue
            # Average the colours of the covered samples; alpha is the covered fraction.
            edge = outer - inner_left - inner_right - mark
            rgb = [
                (OUTLINE[c] * edge + LEFT[c] * inner_left + RIGHT[c] * inner_right + MARK[c] * mark) / outer
                for c in range(3)
            ]
            row += bytes(round(v) for v in rgb) + bytes([round(255 * outer / n)])
        rows.append(bytes(row))
    return b''.join(rows)


def png(size):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(render(size), 9)) + chunk(b'IEND', b'')


def ico(images):
    """ICO with PNG-compressed entries (supported since Windows Vista)."""
    header = struct.pack('<HHH', 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b'', b''
    for size, data in images:
        dim = 0 if size >= 256 else size
        entries += struct.pack('<BBBBHHII', dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


if __name__ == '__main__':
    with open(os.path.join(HERE, 'icon.png'), 'wb') as f:
        f.write(png(512))
    images = [(s, png(s)) for s in (16, 24, 32, 48, 64, 128, 256)]
    with open(os.path.join(HERE, 'icon.ico'), 'wb') as f:
        f.write(ico(images))
    print('wrote resources/icon.png and resources/icon.ico')
