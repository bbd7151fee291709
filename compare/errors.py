"""Domain errors. The library raises these; the CLI prints ``Error: <message>`` and exits 1.

Every message says what went wrong, why, and how to fix it, in one line.
"""

from __future__ import annotations


class CompareError(Exception):
    """Base for problems the user can fix; the CLI shows str(exc), never a traceback."""


class InputError(CompareError):
    """A report file cannot be read as a report."""


class MissingInputError(InputError):
    """The path does not exist or is not a file."""


class EmptyInputError(InputError):
    """The file has no content, or no text once extracted."""


class BinaryInputError(InputError):
    """The file is binary data that is not a supported document."""


class ReportEncodingError(InputError):
    """The text cannot be decoded, or the detected encoding is uncertain."""


class UnsupportedFormatError(InputError):
    """The file's extension or content is not a supported report format."""


class NoReportContentError(InputError):
    """The document was read but holds no report (an HTML page of only navigation, say)."""


class NeedsOCRError(InputError):
    """A PDF without a text layer."""


class InputTooLargeError(InputError):
    """The file is larger than any report could be."""


class OverridesError(CompareError):
    """An audit overrides file is malformed."""


class LibraryError(CompareError):
    """The report library cannot be opened or written."""


class NotInLibraryError(LibraryError):
    """No report is stored under the region and year asked for."""


class RenderError(CompareError):
    """The report page cannot be produced (templates missing, unknown format)."""
