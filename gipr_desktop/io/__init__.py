"""Readers and writers of report files: plain Python, no Qt. ``registry`` picks one by extension."""
