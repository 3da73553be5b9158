"""Reading zip entries exactly as stored, for checks that an entry was copied
and not recompressed (shared by the corpus sweep, the package comparison and
the end-to-end tests)."""
import zipfile


def raw_entries(path):
    """[(name, compression method, CRC, compressed bytes)] in archive order."""
    z = zipfile.ZipFile(path)
    out = []
    with open(path, 'rb') as f:
        for info in z.infolist():
            f.seek(info.header_offset)
            header = f.read(30)
            f.seek(info.header_offset + 30 + int.from_bytes(header[26:28], 'little')
                   + int.from_bytes(header[28:30], 'little'))
            out.append((info.filename, info.compress_type, info.CRC, f.read(info.compress_size)))
    return out
