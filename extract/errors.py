"""The one exception readers raise for a file that cannot be read: its message is for the user."""

from __future__ import annotations


class ReadError(Exception):
    """What is wrong with the file and, where possible, what the user can do about it."""

    def __init__(self, message: str, stage: str = "read") -> None:
        super().__init__(message)
        self.stage = stage
