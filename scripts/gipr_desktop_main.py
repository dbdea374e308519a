"""The frozen program's entry point (build_installer.spec): the window, or ``--self-test``.

The platform check comes first: it needs no Qt, so a missing system library is a Chinese message.
Started under the name ``gipr`` (the link the Linux package puts on the PATH, scripts/build_deb.sh)
it is the command line instead: one bundle, both programs.
"""

import sys
from pathlib import Path

if Path(sys.argv[0]).name == "gipr":
    from gipr_desktop.cli import main
else:
    from gipr_desktop.platform_check import main

if __name__ == "__main__":
    sys.exit(main())
