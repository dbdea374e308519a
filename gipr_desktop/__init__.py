"""gipr-desktop: prepare, check and hand in the annual report on government information disclosure."""

__version__ = "0.1.0"
