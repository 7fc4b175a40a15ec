"""Build step for the pbp Python package (metadata lives in pyproject.toml).

The package is pure Python over ctypes; the C library it drives (libpbp_c) is not committed.
At install time it is copied into the package (``pbp/_lib/``) from

* ``PBP_LIBRARY``: the path of a built ``libpbp_c.so`` (e.g. ``build/capi/libpbp_c.so``), or
* ``PBP_LIB_DIR``: a directory holding it (e.g. an install prefix's ``lib``).

``cmake --build build --target python-wheel`` runs this with ``PBP_LIBRARY`` set and leaves
``build/dist/pbp-VERSION-py3-none-PLATFORM.whl``, a wheel that carries the library (and, inside
it, the bundled models).

With neither, nothing is copied and the package looks for the library at run time (the
``PBP_LIBRARY`` environment variable, the Python prefix, the system's library path). When
``PBP_LIB_DIR`` is given its path is also recorded, so the installed package can find the
library there even when it was not copied.
"""
import glob
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution


def _library_to_bundle():
    path = os.environ.get("PBP_LIBRARY")
    if path:
        if not os.path.isfile(path):
            raise SystemExit("PBP_LIBRARY=%s is not a file" % path)
        return os.path.realpath(path)
    lib_dir = os.environ.get("PBP_LIB_DIR")
    if lib_dir:
        for pattern in ("libpbp_c.so.[0-9]*", "libpbp_c.so", "libpbp_c*.dylib", "pbp_c.dll"):
            found = sorted(glob.glob(os.path.join(lib_dir, pattern)))
            if found:
                return os.path.realpath(found[0])
        raise SystemExit("PBP_LIB_DIR=%s holds no libpbp_c" % lib_dir)
    return None


class BuildWithLibrary(build_py):
    def run(self):
        super().run()
        target = os.path.join(self.build_lib, "pbp")
        lib = _library_to_bundle()
        if lib:
            os.makedirs(os.path.join(target, "_lib"), exist_ok=True)
            # Copied under its SONAME-style name (libpbp_c.so.0), the first name the package tries.
            name = os.path.basename(lib)
            if ".so." in name:
                name = name[: name.index(".so.") + 4] + name[name.index(".so.") + 4:].split(".")[0]
            shutil.copy2(lib, os.path.join(target, "_lib", name))
        lib_dir = os.environ.get("PBP_LIB_DIR")
        with open(os.path.join(target, "_build_config.py"), "w") as f:
            f.write("# Written by setup.py at install time.\nLIB_DIR = %r\n" % (os.path.abspath(lib_dir) if lib_dir else None))


class MaybeBinaryDistribution(Distribution):
    """A wheel with the C library inside is platform-specific; without it, pure Python."""

    def has_ext_modules(self):
        return _library_to_bundle() is not None


commands = {"build_py": BuildWithLibrary}
try:
    from wheel.bdist_wheel import bdist_wheel

    class PlatformWheel(bdist_wheel):
        """With the C library inside, the wheel is for this platform but for any Python 3 (the
        package is pure Python over ctypes, no extension module): py3-none-<platform>."""

        def get_tag(self):
            python, abi, platform = super().get_tag()
            return ("py3", "none", platform) if _library_to_bundle() else (python, abi, platform)

    commands["bdist_wheel"] = PlatformWheel
except ImportError:  # no `wheel` package: pip install still works, from the source tree
    pass

setup(cmdclass=commands, distclass=MaybeBinaryDistribution)
