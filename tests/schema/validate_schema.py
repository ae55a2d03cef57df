"""The JSON Schema file and the importer must agree: the seed case validates, and documents the
importer refuses for their shape are refused by the schema too."""
import copy
import json
import sys
import unittest

import jsonschema

SCHEMA_PATH, SEED_PATH = sys.argv[1], sys.argv[2]


class SchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SCHEMA_PATH, encoding="utf-8") as f:
            cls.schema = json.load(f)
        with open(SEED_PATH, encoding="utf-8") as f:
            cls.seed = json.load(f)
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft202012Validator(
            cls.schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    def assert_invalid(self, change):
        doc = copy.deepcopy(self.seed)
        change(doc)
        self.assertFalse(self.validator.is_valid(doc))

    def test_seed_case_is_valid(self):
        self.validator.validate(self.seed)

    def test_unknown_key_is_refused(self):
        self.assert_invalid(lambda d: d["aspects"][0]["issues"][0].update(titel="typo"))

    def test_unknown_status_is_refused(self):
        self.assert_invalid(lambda d: d["aspects"][0]["issues"][0].update(status="finished"))

    def test_money_needs_an_integer_amount(self):
        def change(d):
            money = [o for o in d["aspects"][5]["issues"][0]["outcomes"] if o["type"] == "money"][0]
            money["amount_fen"] = None
        self.assert_invalid(change)

    def test_rule_keys_do_not_fit_money(self):
        def change(d):
            money = [o for o in d["aspects"][5]["issues"][0]["outcomes"] if o["type"] == "money"][0]
            money["action"] = "made"
        self.assert_invalid(change)

    def test_wrong_format_is_refused(self):
        self.assert_invalid(lambda d: d.update(format="excel"))

    def test_dates_must_look_like_dates(self):
        self.assert_invalid(lambda d: d["inspection"].update(onsite_start="2018/09/19"))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
