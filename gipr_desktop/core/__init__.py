"""The report, its schema and its checks: plain Python, no Qt, usable from the CLI and tests."""
