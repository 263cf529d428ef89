"""Exceptions with messages a user can act on. The CLI prints them without a traceback."""


class KGError(Exception):
    """Base class: anything the user can fix (bad input, unreachable store, bad parameter)."""


class InputError(KGError):
    """A file or folder given to the tool cannot be read as asked; the message names the file."""


class ManifestError(InputError):
    """The corpus does not match its manifest (missing file, changed bytes)."""


class StoreError(KGError):
    """The graph store could not be started, reached or written."""


class QueryError(KGError):
    """A query pack query is unknown, malformed, or was given bad parameters."""


class ValidationFailed(KGError):
    """The graph violates the ontology's SHACL shapes."""
