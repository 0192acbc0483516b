"""accord's one C extension; everything else about the package is in pyproject.toml.

The extension is the hot loop of verifying the event log (src/accord/core/_chainscan.c). It is
optional: without a C compiler and OpenSSL's headers the install goes on, and verification runs
the same algorithm in Python, more slowly.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "accord.core._chainscan",
            sources=["src/accord/core/_chainscan.c"],
            libraries=["crypto"],
            optional=True,
        )
    ]
)
