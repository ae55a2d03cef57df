"""ctest python.pip_install: the package installs with pip and no network, and works installed.

    pip_install.py WORK_DIR SEED_CASE

Makes a fresh venv in WORK_DIR, runs `pip install --no-index` on this binding (the in-tree build
backend needs nothing from an index), then, from outside the source tree and with RECTIFY_LIBRARY
set by ctest, imports the installed package and runs a small smoke: open a database, import the
seed case, read its statistics.
"""

import json
import os
import shutil
import subprocess
import sys
import venv

BINDING_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SMOKE = r"""
import json, os, sys, rectify
assert os.path.realpath(rectify.__file__).startswith(os.path.realpath(sys.prefix)), rectify.__file__
seed, expected_issues = sys.argv[1], int(sys.argv[2])
with rectify.open("smoke.db", actor="admin") as db:
    inspection_id = db.import_file(seed).inspection_id
    stats = db.stats(inspection_id=inspection_id, as_of="2019-03-01")
assert stats["issues_total"] == expected_issues, stats
print("installed rectify %s over librectify %s: %d issues" % (rectify.__version__, rectify.version(), expected_issues))
"""


def main(work_dir, seed):
    seed = os.path.abspath(seed)
    shutil.rmtree(work_dir, ignore_errors=True)
    os.makedirs(work_dir)
    env_dir = os.path.join(work_dir, "venv")
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = os.path.join(env_dir, "bin", "python")

    environ = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environ.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    subprocess.run([python, "-m", "pip", "install", "--no-index", BINDING_DIR], check=True, env=environ)

    with open(seed, encoding="utf-8") as f:
        issues = sum(len(aspect["issues"]) for aspect in json.load(f)["aspects"])
    subprocess.run([python, "-c", SMOKE, seed, str(issues)], check=True, env=environ, cwd=work_dir)


if __name__ == "__main__":
    main(*sys.argv[1:])
