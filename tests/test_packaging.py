"""What a fresh install needs: every package listed for the wheel, and CI running the README's command."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_in_the_wheel():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"([\w.]+)"', re.search(r"^packages = \[(.*?)\]", pyproject, re.M | re.S).group(1)))
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "gipr_desktop").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if "pytest" in line and line.startswith("python3 -m venv"))
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_names_the_linux_libraries_before_the_run_command():
    from gipr_desktop.platform_check import QT_GUI_LIBRARIES, XCB_LIBRARIES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    run = readme.index(".venv/bin/gipr-desktop\n")
    install = re.search(r"`sudo apt-get install ([^`]+)`", readme)
    assert install and install.start() < run, "the Linux line goes before the command"
    assert set(install.group(1).split()) == set(QT_GUI_LIBRARIES.values()) | set(XCB_LIBRARIES.values())
    commands = [line for line in readme.split("## The command line")[0].splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2  # the set-up stays two commands
