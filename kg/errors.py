"""The one exception type a user can cause; the CLI turns it into one line and a non-zero exit."""


class KgError(Exception):
    """A problem with the user's input, model or files, with a message fit to print as is."""
