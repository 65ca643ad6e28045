"""The application layer: what the app *does*, Qt-free, between the core and the shells.

Each module is one use case (connect and check, load a list, prepare and run a send,
resume, poll statuses, list and retry campaigns, export a report). A use case takes its
collaborators — where the journal is opened, how a USOS client is made, what "now" is —
as arguments with the real ones as defaults (``collaborators``), opens the journal and
the client itself, calls the core, and hands back plain data. The GUI runs these
functions in its workers and only shows what they return; the CLI may call them too.
Nothing here imports PySide6, the widgets, the CLI or the sandbox (import contracts in
pyproject.toml).
"""
