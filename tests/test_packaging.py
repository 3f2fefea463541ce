"""The installed copy: the wheel carries every module and the rule files, and an
installed (non-editable) layout finds its rules without $FACTCHECK_RULES.

The end-to-end check (a fresh virtual environment, the seeds, the pre-commit hook)
is scripts/check_install.sh, run by CI."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from factcheck.rules import load_rules
from factcheck.rules.loader import SUFFIXES

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
PACKAGED = "factcheck/_rules/"


def is_rule_file(name: str) -> bool:
    # What the loader reads (and hashes into the rules version).
    return name.endswith(SUFFIXES) and not name.startswith(".")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (built,) = out.glob("factcheck-*.whl")
    return built


def test_wheel_carries_the_rule_files_byte_for_byte(wheel):
    expected = sorted(p.name for p in RULES.iterdir() if is_rule_file(p.name) and p.is_file())
    with zipfile.ZipFile(wheel) as whl:
        packaged = sorted(n[len(PACKAGED):] for n in whl.namelist()
                          if n.startswith(PACKAGED) and is_rule_file(n[len(PACKAGED):]))
        assert packaged == expected
        # Same names and bytes: the rules version (a digest of both) is the same installed.
        for name in expected:
            assert whl.read(PACKAGED + name) == (RULES / name).read_bytes(), name


def test_wheel_carries_every_file_of_the_package(wheel):
    # Modules, templates and whatever data a subpackage brings.
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "factcheck").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    with zipfile.ZipFile(wheel) as whl:
        missing = source - set(whl.namelist())
    assert not missing, f"not in the wheel: {sorted(missing)}"


# Run by the interpreter of the tests, but importing factcheck from the unpacked wheel.
PROBE = """
import json, os, sys
import factcheck
from factcheck.rules import default_directory, load_rules
found = {"package": factcheck.__file__, "default": str(default_directory()),
         "version": load_rules().version}
os.environ["FACTCHECK_RULES"] = sys.argv[1]
found["overridden"] = str(default_directory())
print(json.dumps(found))
"""


def test_installed_layout_finds_the_packaged_rules(wheel, tmp_path):
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as whl:
        whl.extractall(site)
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_RULES"}
    env["PYTHONPATH"] = str(site)  # ahead of the checkout's editable install
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "elsewhere")],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert Path(found["package"]).parent == site / "factcheck"
    assert Path(found["default"]) == site / "factcheck" / "_rules"
    assert found["version"] == load_rules(RULES).version
    assert Path(found["overridden"]) == tmp_path / "elsewhere"


def test_the_example_workflow_installs_factcheck_as_a_package():
    # An example for article repositories: it must not run here, nor need a checkout.
    assert not (ROOT / ".github" / "workflows").exists()
    flow = yaml.safe_load((ROOT / "docs" / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    installs = [s["run"] for job in flow["jobs"].values() for s in job["steps"]
                if "pip install" in s.get("run", "")]
    assert installs and not any("-e " in run or "--editable" in run for run in installs)
    assert "git+https://" in flow["env"]["FACTCHECK"]
