"""The frozen program's entry point (build_installer.spec): the window, or ``--self-test``."""

import sys

from gipr_desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
