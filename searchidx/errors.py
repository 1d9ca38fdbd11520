"""Errors a user can cause and fix; the command line prints them in one line."""


class SearchidxError(Exception):
    """Base of every error meant for the user rather than a traceback."""


class IndexNotFound(SearchidxError):
    pass


class IndexVersionMismatch(SearchidxError):
    pass


class QuerySyntaxError(SearchidxError):
    pass
