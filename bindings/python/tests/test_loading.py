"""Finding librectify (RECTIFY_LIBRARY, then rectify/lib/, then the system) and refusing a
library whose version the binding does not fit, with a message that says what to do.
"""

import os
import shutil
import subprocess
import sys
import unittest

from _support import BINDING_DIR, ScratchTestCase

import rectify
from rectify import _ffi, constants
from rectify.errors import LibraryNotFoundError, LibraryVersionError

SONAME = "librectify.so.%d" % constants.RECTIFY_VERSION_MAJOR


def _fake_library(number):
    """Stands in for a loaded library that reports `number` as its version."""

    class Fake:
        pass

    def rectify_version_number():
        return number

    library = Fake()
    library.rectify_version_number = rectify_version_number
    return library


def _child_env(**changes):
    env = {k: v for k, v in os.environ.items() if k not in ("RECTIFY_LIBRARY", "PYTHONPATH")}
    env.update(changes)
    return env


@unittest.skipUnless(sys.platform.startswith("linux"), "the discovery tests use Linux library names")
class DiscoveryOrderTest(ScratchTestCase):
    def test_the_environment_variable_alone_decides_when_set(self):
        os.makedirs(self.path("lib"))
        open(self.path("lib/" + SONAME), "w").close()
        found = _ffi.candidates({"RECTIFY_LIBRARY": "/opt/x/librectify.so.0"}, package_dir=self.dir)
        self.assertEqual(found, [("RECTIFY_LIBRARY", "/opt/x/librectify.so.0")])

    def test_beside_the_package_comes_before_the_system(self):
        os.makedirs(self.path("lib"))
        open(self.path("lib/" + SONAME), "w").close()
        found = _ffi.candidates({}, package_dir=self.dir)
        self.assertEqual(found[0], ("beside the package", self.path("lib/" + SONAME)))
        self.assertEqual(found[-1], ("the system (dynamic loader)", SONAME))

    def test_without_a_bundled_copy_only_the_system_is_tried(self):
        found = _ffi.candidates({}, package_dir=self.dir)
        self.assertTrue(found)
        self.assertTrue(all(where.startswith("the system") for where, _ in found), found)

    def test_a_wrong_environment_path_fails_naming_it_and_does_not_fall_back(self):
        os.makedirs(self.path("lib"))
        shutil.copy(rectify.library_path, self.path("lib/" + SONAME))
        missing = self.path("nowhere/librectify.so.0")
        with self.assertRaises(LibraryNotFoundError) as caught:
            _ffi.load({"RECTIFY_LIBRARY": missing}, package_dir=self.dir)
        self.assertIn(missing, str(caught.exception))
        self.assertIn("RECTIFY_LIBRARY", str(caught.exception))
        self.assertIsInstance(caught.exception, ImportError)

    def test_the_first_candidate_that_loads_is_used(self):
        os.makedirs(self.path("lib"))
        shutil.copy(rectify.library_path, self.path("lib/" + SONAME))
        tried = []

        def loader(path):
            tried.append(path)
            return "loaded " + path

        library, path = _ffi.load({}, package_dir=self.dir, loader=loader)
        self.assertEqual(tried, [self.path("lib/" + SONAME)])
        self.assertEqual(library, "loaded " + path)

    def test_a_package_with_the_library_in_its_lib_folder_imports_without_the_variable(self):
        package = self.path("site/rectify")
        shutil.copytree(os.path.join(BINDING_DIR, "rectify"), package,
                        ignore=shutil.ignore_patterns("__pycache__", "lib"))
        os.makedirs(os.path.join(package, "lib"))
        shutil.copy(rectify.library_path, os.path.join(package, "lib", SONAME))
        result = subprocess.run([sys.executable, "-c", "import rectify; print(rectify.library_path)"],
                                env=_child_env(PYTHONPATH=self.path("site")), capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), os.path.join(package, "lib", SONAME))

    def test_a_library_that_is_not_librectify_is_refused_at_import(self):
        result = subprocess.run([sys.executable, "-c", "import rectify"],
                                env=_child_env(PYTHONPATH=BINDING_DIR, RECTIFY_LIBRARY="libc.so.6"),
                                capture_output=True, text=True)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LibraryVersionError", result.stderr)
        self.assertIn("does not export rectify_version_number()", result.stderr)


class VersionCheckTest(unittest.TestCase):
    def test_the_loaded_library_fits(self):
        self.assertEqual(_ffi.check_version(rectify._lib, rectify.library_path), rectify.version_number())
        self.assertEqual(rectify.version(), "%d.%d.%d" % (rectify.version_number() // 10000,
                                                          rectify.version_number() // 100 % 100,
                                                          rectify.version_number() % 100))

    def test_a_later_release_of_the_same_major_fits(self):
        later = constants.RECTIFY_VERSION_NUMBER + 101
        self.assertEqual(_ffi.check_version(_fake_library(later), "/x/librectify.so.0"), later)

    def test_another_major_version_is_refused_saying_both_versions(self):
        major = (constants.RECTIFY_VERSION_MAJOR + 1) * 10000
        with self.assertRaises(LibraryVersionError) as caught:
            _ffi.check_version(_fake_library(major), "/x/librectify.so.9")
        message = str(caught.exception)
        self.assertIn("/x/librectify.so.9 is version %d.0.0" % (constants.RECTIFY_VERSION_MAJOR + 1), message)
        self.assertIn("needs %d.%d.%d or a later %d.x release" % (
            constants.RECTIFY_VERSION_MAJOR, constants.RECTIFY_VERSION_MINOR, constants.RECTIFY_VERSION_PATCH,
            constants.RECTIFY_VERSION_MAJOR), message)
        self.assertIn("RECTIFY_LIBRARY", message)

    def test_an_older_release_is_refused(self):
        with self.assertRaises(LibraryVersionError):
            _ffi.check_version(_fake_library(constants.RECTIFY_VERSION_NUMBER - 1), "/x/librectify.so.0")


if __name__ == "__main__":
    unittest.main()
