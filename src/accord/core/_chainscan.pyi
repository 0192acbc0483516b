# The C extension built from _chainscan.c; see that file.
import mmap

def scan(data: bytes | mmap.mmap, position: int, expected: bytes, /) -> tuple[int, bytes, int]: ...
