"""gipr-desktop: prepare, check and hand in the annual report on government information disclosure.

The program's log records go to its log file where it has one (the window); the handler here keeps
Python from printing them on the terminal where it has none (the command line, a library user):
the user reads the Chinese message, the log keeps the details.
"""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
