#!/usr/bin/env python3
"""Keeps the top of a PNG: crop-png.py FILE MAX_HEIGHT rewrites FILE with at most
MAX_HEIGHT rows. Only non-interlaced PNGs; the rows kept are copied still filtered,
which is valid because a PNG row's filter refers only to the rows above it."""
import struct
import sys
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunks(data):
    offset = len(SIGNATURE)
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        yield kind, data[offset + 8:offset + 8 + length]
        offset += 12 + length


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def crop(data, max_height):
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    parts = list(chunks(data))
    header = parts[0][1]
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if interlace or height <= max_height:
        return data
    row_bytes = 1 + (width * CHANNELS[colour] * depth + 7) // 8
    pixels = zlib.decompress(b"".join(body for kind, body in parts if kind == b"IDAT"))
    kept = zlib.compress(pixels[:row_bytes * max_height], 9)
    out = [SIGNATURE, chunk(b"IHDR", struct.pack(">II", width, max_height) + header[8:])]
    written_data = False
    for kind, body in parts[1:]:
        if kind == b"IDAT":
            if not written_data:
                out.append(chunk(b"IDAT", kept))
                written_data = True
        elif kind != b"IHDR":
            out.append(chunk(kind, body))
    return b"".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: crop-png.py FILE MAX_HEIGHT")
    path, max_height = sys.argv[1], int(sys.argv[2])
    with open(path, "rb") as source:
        data = source.read()
    with open(path, "wb") as target:
        target.write(crop(data, max_height))


if __name__ == "__main__":
    main()
