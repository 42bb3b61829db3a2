"""The same sources give byte-identical output."""

import filecmp

from sitebuild import ROOT, build_site


def differences(left, right, prefix=""):
    comparison = filecmp.dircmp(left, right)
    found = [prefix + name for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    found += [prefix + name for name in mismatch + errors]
    for sub in comparison.common_dirs:
        found += differences(left / sub, right / sub, prefix + sub + "/")
    return found


def test_two_builds_of_the_demo_are_identical(tmp_path):
    # Different hash seeds: set and dict order must not leak into the output.
    first = build_site(ROOT / "publishconf.py", tmp_path / "one", content=ROOT / "content",
                       env={"PYTHONHASHSEED": "1"})
    second = build_site(ROOT / "publishconf.py", tmp_path / "two", content=ROOT / "content",
                        extra={"CACHE_PATH": str(tmp_path / "other-cache")},
                        env={"PYTHONHASHSEED": "2"})
    assert first.returncode == 0 and second.returncode == 0, first.log + second.log
    assert sorted((tmp_path / "one").rglob("*")), "nothing was built"
    assert differences(tmp_path / "one", tmp_path / "two") == []
