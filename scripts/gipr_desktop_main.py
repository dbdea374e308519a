"""The frozen program's entry point (build_installer.spec): the window, or ``--self-test``.

First the child processes the program starts (the isolated .xls/.ods reader is the bundle run again)
are told apart: they do their work and exit. Then the platform check, which needs no Qt, so a
missing system library is a Chinese message. Started under the name ``gipr`` (the link the Linux
package puts on the PATH, scripts/build_deb.sh) the bundle is the command line instead.
"""

import multiprocessing
import sys
from pathlib import Path

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a child process runs here and exits; the parent goes on
    if Path(sys.argv[0]).name == "gipr":
        from gipr_desktop.cli import main
    else:
        from gipr_desktop.platform_check import main
    sys.exit(main())
