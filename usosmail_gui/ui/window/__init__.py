"""The parts the main window (``ui/main_window.py``) is composed of, one concept a module
(docs/architecture.md, "Where each concept lives"):

- ``actions``: every menu and toolbar action as one table, and the menus and toolbar
  built from it; ``help``: Help's windows (``shortcuts``: Keyboard shortcuts, from the
  menu bar; About);
- ``startup``: the deferred start (``WORK_AREA_MODULES``, imported after the first paint);
- ``work_area`` (the list, the composer, the Problems dock, the welcome page);
- ``status_bar``, ``connection``, ``list_loading``, ``recent``, ``drops``, ``edit_actions``,
  ``send_flow``, ``resume_flow``, ``statuses``, ``layout``, ``closing``.

Each part is given what it acts on and tells the window what happened through signals;
the window relays them (its own signals, the status bar, message boxes), and whoever
wants the window to do something asks the part (``window.list_loading.open_file(…)``). Parts never
reach into each other; where one needs another (a resume runs through the send flow), the
window connects them.
"""
