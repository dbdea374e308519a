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


def test_the_windows_workflow_installs_checks_and_uninstalls_as_a_user_would():
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
    install = workflow.index('-ArgumentList "/S"')
    installed_self_test = workflow.index('Programs\\gipr-desktop\\gipr-desktop.exe"', install)
    association = workflow.index('HKCU:\\Software\\Classes', installed_self_test)
    uninstall = workflow.index('"uninstall.exe") -ArgumentList "/S"', association)
    assert "the uninstaller removed the user's report" in workflow[uninstall:]
    assert "installer: {1:N1} MB" in workflow


def desktop_entry() -> dict[str, str]:
    lines = (ROOT / "installer" / "linux" / "gipr-desktop.desktop").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_linux_desktop_entry_has_the_chinese_name_the_icon_and_opens_gipr_files():
    entry = desktop_entry()
    nsis = (ROOT / "installer" / "gipr-desktop.nsi").read_text(encoding="utf-8")
    app_name = re.search(r'^!define APP_NAME "([^"]+)"', nsis, re.M).group(1)  # as in the Windows Start menu
    assert entry["Name"] == entry["Name[zh_CN]"] == app_name
    assert entry["Exec"].split()[0] == "gipr-desktop" and "%f" in entry["Exec"]
    mime = (ROOT / "installer" / "linux" / "gipr-desktop-mime.xml").read_text(encoding="utf-8")
    mime_type = re.search(r'<mime-type type="([^"]+)"', mime).group(1)
    assert entry["MimeType"] == f"{mime_type};" and '<glob pattern="*.gipr"/>' in mime
    deb = (ROOT / "scripts" / "build_deb.sh").read_text(encoding="utf-8")
    assert f"/apps/$name.png" in deb and entry["Icon"] == "gipr-desktop"
    file_icon = re.search(r'<icon name="([^"]+)"/>', mime).group(1)
    assert f"/mimetypes/{file_icon}.png" in deb


def test_the_package_depends_on_the_libraries_the_program_checks_for():
    deb = (ROOT / "scripts" / "build_deb.sh").read_text(encoding="utf-8")
    assert "from gipr_desktop.platform_check import QT_GUI_LIBRARIES, XCB_LIBRARIES" in deb
    assert "Depends: libc6 (>= $glibc), $libraries" in deb


def test_started_as_gipr_the_frozen_entry_point_is_the_command_line(tmp_path):
    import shutil
    import subprocess
    import sys

    gipr = tmp_path / "gipr"  # the name the Linux package's link gives the bundle
    shutil.copy(ROOT / "scripts" / "gipr_desktop_main.py", gipr)
    done = subprocess.run([sys.executable, str(gipr), "--version"], capture_output=True, text=True, timeout=60)
    assert done.stdout.startswith("gipr "), done.stdout + done.stderr


def test_the_window_s_entry_point_checks_the_platform_before_qt_is_imported():
    import subprocess
    import sys

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^gipr-desktop = "gipr_desktop\.platform_check:main"', pyproject, re.M)
    code = "import sys, gipr_desktop.platform_check; print('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False"


def icu_data():
    import importlib.util

    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "scripts" / "icu_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lean_icu_data_keeps_chinese_sorting_and_time_zone_names():
    wanted = icu_data().wanted
    for kept in ("coll/root.res", "coll/ucadata.icu", "coll/zh.res", "coll/zh_Hans_CN.res", "coll/res_index.res",
                 "zone/zh.res", "zone/root.res", "root.res", "zh.res", "pool.res", "supplementalData.res",
                 "metaZones.res", "zoneinfo64.res", "cnvalias.icu", "gb18030.cnv"):
        assert wanted(f"icudt73l/{kept}"), kept
    for dropped in ("coll/ja.res", "coll/de__PHONEBOOK.res", "brkitr/thaidict.dict", "curr/zh.res", "lang/zh.res",
                    "unames.icu", "ibm-1390_P110-2003.cnv", "fr.res", "zone/ko.res"):
        assert not wanted(f"icudt73l/{dropped}"), dropped


def test_an_icu_data_package_reads_back_item_for_item():
    module = icu_data()
    header = bytes([32, 0, 0xDA, 0x27, 20, 0, 0, 0, 0, 0, 2, 0]) + b"CmnD" + bytes([1, 0, 0, 0]) + bytes(12)
    items = {"icudt73l/b.res": b"B" * 5, "icudt73l/a.res": b"A" * 32, "icudt73l/coll/zh.res": b"Z" * 48}
    blob = module.package(header, items)
    read_header, read_items = module.items(blob)
    assert read_header == header and {name: data[:len(items[name])] for name, data in read_items.items()} == items
    assert all((blob.index(data) % 16) == 0 for data in items.values())  # ICU's alignment


def test_the_frozen_entry_point_lets_child_processes_run_before_the_platform_check():
    # the isolated .xls/.ods reader is the bundle started again: on a server without X libraries,
    # `gipr check 报告.xls` must still read the file, so the child never meets the window's check
    entry = (ROOT / "scripts" / "gipr_desktop_main.py").read_text(encoding="utf-8")
    assert entry.index("multiprocessing.freeze_support()") < entry.index("from gipr_desktop.platform_check")
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
