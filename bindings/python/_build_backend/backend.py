"""An in-tree PEP 517 build backend that needs nothing but the standard library.

pip builds a package in an isolated environment and first installs the backend it names there;
with setuptools that means a download, which an offline government network does not allow. This
backend has no requirements (``requires = []`` in pyproject.toml), so ``pip install
./bindings/python`` works with no network at all.

It writes a wheel of the ``rectify`` package with zipfile. The package is pure Python; if a
packager has copied librectify into ``rectify/lib/``, the wheel carries it and is tagged for this
platform instead of ``py3-none-any``.
"""

import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "rectify"
SUMMARY = "Python binding (ctypes) of librectify, which tracks Party inspection rectification work"
REQUIRES_PYTHON = ">=3.8"
LICENSE = "see LICENSE of the rectify project"
SDIST_FILES = ("pyproject.toml", "README.md")
SDIST_DIRS = ("_build_backend", PACKAGE, "tests")


def _version():
    """The version of the headers the binding mirrors: one number, kept in constants.py."""
    with open(os.path.join(ROOT, PACKAGE, "constants.py"), encoding="utf-8") as f:
        text = f.read()
    parts = [re.search(r"^RECTIFY_VERSION_%s = (\d+)$" % part, text, re.M).group(1)
             for part in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


def _metadata():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\nLicense: %s\n"
            "Requires-Python: %s\nDescription-Content-Type: text/markdown\n\n%s"
            % (PACKAGE, _version(), SUMMARY, LICENSE, REQUIRES_PYTHON, readme))


def _package_files():
    """(path in the archive, path on disk) of every file of the package, caches left out."""
    for directory, subdirs, files in os.walk(os.path.join(ROOT, PACKAGE)):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            full = os.path.join(directory, name)
            yield os.path.relpath(full, ROOT).replace(os.sep, "/"), full


def _bundles_library():
    return any(arcname.startswith(PACKAGE + "/lib/") for arcname, _ in _package_files())


def _tag():
    if _bundles_library():
        return "py3-none-" + sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return "py3-none-any"


def _record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return "%s,sha256=%s,%d" % (arcname, digest, len(data))


def _write_wheel(wheel_directory, contents):
    """Writes a wheel of contents ((arcname, bytes) pairs) plus its dist-info; returns its name."""
    tag = _tag()
    dist_info = "%s-%s.dist-info" % (PACKAGE, _version())
    wheel_meta = "Wheel-Version: 1.0\nGenerator: rectify _build_backend\nRoot-Is-Purelib: %s\nTag: %s\n" % (
        "true" if tag.endswith("-any") else "false", tag)
    contents = list(contents) + [
        (dist_info + "/METADATA", _metadata().encode("utf-8")),
        (dist_info + "/WHEEL", wheel_meta.encode("utf-8")),
    ]
    record = [_record_line(arcname, data) for arcname, data in contents]
    record.append(dist_info + "/RECORD,,")
    contents.append((dist_info + "/RECORD", ("\n".join(record) + "\n").encode("utf-8")))

    filename = "%s-%s-%s.whl" % (PACKAGE, _version(), tag)
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for arcname, data in contents:
            info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if "/lib/" in arcname else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return filename


def _read(path):
    with open(path, "rb") as f:
        return f.read()


# --- PEP 517 hooks ------------------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, ((arcname, _read(full)) for arcname, full in _package_files()))


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: a wheel holding only a .pth file that puts this source tree on sys.path."""
    return _write_wheel(wheel_directory, [(PACKAGE + ".pth", (ROOT + "\n").encode("utf-8"))])


def build_sdist(sdist_directory, config_settings=None):
    base = "%s-%s" % (PACKAGE, _version())
    filename = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as sdist:
        def add(arcname, data):
            info = tarfile.TarInfo(base + "/" + arcname)
            info.size, info.mtime, info.mode = len(data), 1577836800, 0o644
            sdist.addfile(info, io.BytesIO(data))

        add("PKG-INFO", _metadata().encode("utf-8"))
        for name in SDIST_FILES:
            add(name, _read(os.path.join(ROOT, name)))
        for directory in SDIST_DIRS:
            for folder, subdirs, files in os.walk(os.path.join(ROOT, directory)):
                subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
                for name in sorted(files):
                    if not name.endswith((".pyc", ".pyo")):
                        full = os.path.join(folder, name)
                        add(os.path.relpath(full, ROOT).replace(os.sep, "/"), _read(full))
    return filename
