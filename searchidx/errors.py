"""Errors a user can cause and fix; the command line prints them in one line."""


class SearchidxError(Exception):
    """Base of every error meant for the user rather than a traceback."""


class IndexNotFound(SearchidxError):
    pass


class IndexVersionMismatch(SearchidxError):
    pass


class QuerySyntaxError(SearchidxError):
    pass


class IndexDamaged(SearchidxError):
    """A file of the index cannot be read or is not what was written.

    The message names the damage and the way out, on one line:
    `index at PATH is damaged (…); run searchidx index --rebuild`.
    """

    def __init__(self, index_dir, damage: str):
        self.index_dir = index_dir
        self.damage = damage
        super().__init__(f"index at {index_dir} is damaged ({damage}); run searchidx index --rebuild")


class IndexUntrusted(SearchidxError):
    """The index folder belongs to another user, or others may write to it.

    Whoosh unpickles an index's files when it opens them, which runs any code
    they hold: an index folder is code, and is opened only when it is as
    trustworthy as one's own programs (the check ssh makes of a key file)."""


class IndexLocked(SearchidxError):
    """Another process is writing to the index; the message says which."""


class LockingUnsupported(SearchidxError):
    """This system has no file locks searchidx can use, so it cannot write an index safely."""


class SettingsFileError(SearchidxError):
    """searchidx.toml cannot be used; the message says where and why."""


class EvaluationInputError(SearchidxError):
    """A query set or qrels file for `searchidx eval` cannot be read."""
