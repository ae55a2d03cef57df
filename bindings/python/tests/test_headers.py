"""The binding against the C headers, so it cannot silently fall behind the C API.

Every RECTIFY_* integer #define is mirrored in rectify.constants with the same value; every
RECTIFY_API function is declared in the one function table, with argument and result types that
fit its C prototype; every options struct is mirrored field for field.
"""

import ctypes
import glob
import os
import re
import unittest

from _support import INCLUDE_DIR

import rectify
from rectify import _ffi, _structs, constants

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_INTEGER_DEFINE = re.compile(r"^#define\s+(RECTIFY_\w+)\s+\(?(-?(?:0x[0-9a-fA-F]+|\d+))u?\)?\s*$", re.M)
_EXPRESSION_DEFINE = re.compile(r"^#define\s+(RECTIFY_\w+)\s+\\?\s*\(([A-Z_0-9 *+\s]+)\)\s*$", re.M)
_FUNCTION = re.compile(r"RECTIFY_API\s+([^;(]*?)\s*\b(rectify_\w+)\s*\(([^)]*)\)\s*;", re.S)
_STRUCT = re.compile(r"typedef\s+struct\s+(\w+)\s*\{(.*?)\}\s*\w+\s*;", re.S)

# What each C type of the headers must be declared as in the table.
_C_TO_CTYPES = {
    "void": None,
    "void *": ctypes.c_void_p,
    "int": ctypes.c_int,
    "unsigned": ctypes.c_uint,
    "int64_t": ctypes.c_int64,
    "size_t": ctypes.c_size_t,
    "const char *": ctypes.c_char_p,
    "char *": ctypes.POINTER(ctypes.c_char),
    "int *": ctypes.POINTER(ctypes.c_int),
    "int64_t *": ctypes.POINTER(ctypes.c_int64),
    "size_t *": ctypes.POINTER(ctypes.c_size_t),
    "char **": ctypes.POINTER(ctypes.c_void_p),
    "unsigned char **": ctypes.POINTER(ctypes.c_void_p),
    "rectify_db *": ctypes.c_void_p,
    "rectify_db **": ctypes.POINTER(ctypes.c_void_p),
    "rectify_calendar *": ctypes.c_void_p,
    "const rectify_calendar *": ctypes.c_void_p,
    "rectify_calendar **": ctypes.POINTER(ctypes.c_void_p),
    "rectify_row_callback": _structs.RowCallback,
    "rectify_progress_callback": _structs.ProgressCallback,
}
_C_TO_CTYPES.update({"const %s *" % name: ctypes.POINTER(mirror) for name, mirror in _structs.STRUCTS.items()})

_FIELD_TYPES = {"unsigned": ctypes.c_uint, "int": ctypes.c_int, "int64_t": ctypes.c_int64,
                "const char *": ctypes.c_char_p}


def _headers():
    paths = sorted(glob.glob(os.path.join(INCLUDE_DIR, "*.h")))
    if not paths:
        raise unittest.SkipTest("no headers at %s (set RECTIFY_INCLUDE_DIR)" % INCLUDE_DIR)
    texts = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            texts[os.path.basename(path)] = _COMMENT.sub("", f.read())
    return texts


def _normalise(c_type):
    """'const char*' and 'const char *' alike; a parameter's name dropped."""
    return re.sub(r"\s*\*", " *", " ".join(c_type.split())).replace("* *", "**")


def _split_parameter(parameter):
    match = re.match(r"^(.*?)(\w+)$", parameter.strip())
    return _normalise(match.group(1)), match.group(2)


class ConstantsTest(unittest.TestCase):
    def test_every_integer_define_is_mirrored_with_its_value(self):
        seen = 0
        for header, text in _headers().items():
            for name, value in _INTEGER_DEFINE.findall(text):
                seen += 1
                with self.subTest(header=header, name=name):
                    self.assertTrue(hasattr(constants, name), "%s (%s) is not mirrored in constants.py" % (name, header))
                    self.assertEqual(getattr(constants, name), int(value, 0))
        self.assertGreater(seen, 90)

    def test_the_version_number_follows_its_formula(self):
        text = _headers()["common.h"]
        (name, expression), = _EXPRESSION_DEFINE.findall(text)
        self.assertEqual(name, "RECTIFY_VERSION_NUMBER")
        for part in re.findall(r"RECTIFY_\w+", expression):
            expression = expression.replace(part, str(getattr(constants, part)))
        self.assertEqual(constants.RECTIFY_VERSION_NUMBER, eval(expression, {"__builtins__": {}}))

    def test_mirrored_names_all_exist_in_the_headers(self):
        defined = {name for text in _headers().values() for name in re.findall(r"#define\s+(RECTIFY_\w+)", text)}
        mirrored = {name for name in vars(constants) if name.startswith("RECTIFY_")}
        self.assertEqual(mirrored - defined, set())


class FunctionTableTest(unittest.TestCase):
    def setUp(self):
        self.table = {name: (restype, argtypes) for name, restype, argtypes in _ffi.FUNCTIONS}
        self.prototypes = {}
        for text in _headers().values():
            for result, name, parameters in _FUNCTION.findall(text):
                self.prototypes[name] = (_normalise(result), parameters)

    def test_every_header_function_is_in_the_table_and_nothing_else(self):
        self.assertGreater(len(self.prototypes), 80)
        self.assertEqual(sorted(set(self.prototypes) - set(self.table)), [])
        self.assertEqual(sorted(set(self.table) - set(self.prototypes)), [])
        self.assertEqual(len(self.table), len(_ffi.FUNCTIONS), "a function is declared twice")

    def test_declared_types_fit_the_prototypes(self):
        for name, (result, parameters) in self.prototypes.items():
            restype, argtypes = self.table[name]
            with self.subTest(function=name):
                wanted = _C_TO_CTYPES[result]
                self.assertEqual(ctypes.c_int if restype is _ffi.CODE else restype, wanted)
                if restype is _ffi.CODE:
                    self.assertEqual(result, "int")
                parameters = "" if parameters.strip() == "void" else parameters
                c_types = [_split_parameter(p)[0] for p in parameters.split(",") if p.strip()]
                self.assertEqual(list(argtypes), [_C_TO_CTYPES[t] for t in c_types])

    def test_the_loaded_library_raises_for_exactly_the_code_functions(self):
        for name, restype, _ in _ffi.FUNCTIONS:
            function = getattr(rectify._lib, name)
            raises = getattr(function, "errcheck", None) is _ffi._raise_on_failure
            self.assertEqual(raises, restype is _ffi.CODE, name)


class StructMirrorTest(unittest.TestCase):
    def test_every_options_struct_is_mirrored_field_for_field(self):
        structs = {}
        for text in _headers().values():
            for name, body in _STRUCT.findall(text):
                structs[name] = [_split_parameter(line) for line in body.split(";") if line.strip()]
        self.assertEqual(set(structs), set(_structs.STRUCTS))
        for name, fields in structs.items():
            mirror = _structs.STRUCTS[name]
            with self.subTest(struct=name):
                self.assertEqual([(n, _FIELD_TYPES[t]) for t, n in fields], mirror._fields_)
                version_name = "RECTIFY_%s_VERSION" % name[len("rectify_"):].upper()
                self.assertEqual(mirror().version, getattr(constants, version_name))


if __name__ == "__main__":
    unittest.main()
