"""The frozen program's entry point (build_installer.spec): the window, or ``--self-test``.

The platform check comes first: it needs no Qt, so a missing system library is a Chinese message.
"""

import sys

from gipr_desktop.platform_check import main

if __name__ == "__main__":
    sys.exit(main())
