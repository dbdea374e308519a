"""The installer's inputs stay consistent with the tree: a renamed icon or entry point breaks the build."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_spec_is_python_and_its_files_exist():
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    compile(spec, "build_installer.spec", "exec")
    for relative in re.findall(r'ROOT / "([^"]+)" / "([^"]+)"', spec):
        assert (ROOT.joinpath(*relative)).exists(), relative


def test_the_nsis_script_names_files_that_exist():
    script = ROOT / "installer" / "gipr-desktop.nsi"
    text = script.read_text(encoding="utf-8")
    for relative in set(re.findall(r'"(\.\.\\[^"$]+)"', text)) - {r"..\dist\gipr-desktop"}:
        if "dist" not in relative:
            assert (script.parent / relative.replace("\\", "/")).exists(), relative
    assert "RequestExecutionLevel user" in text  # no administrator needed
    assert 'MUI_LANGUAGE "SimpChinese"' in text
    assert "Software\\Classes\\.gipr" in text


def test_the_windows_workflow_runs_the_frozen_self_test():
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
    assert "build_installer.spec" in workflow and "--self-test" in workflow and "makensis" in workflow


def test_the_bundle_carries_the_traditional_to_simplified_dictionaries():
    """OpenCC reads its dictionaries from files beside its module; a bundle without them cannot
    read a report copied in traditional characters."""
    import importlib.util
    from pathlib import Path

    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert 'collect_data_files("opencc", subdir="clib/share")' in spec
    found = importlib.util.find_spec("opencc")
    if found is not None:
        assert list((Path(found.origin).parent / "clib" / "share" / "opencc").glob("t2s.json"))
