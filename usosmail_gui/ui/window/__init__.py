"""The parts the main window (``ui/main_window.py``) is composed of, one concept a module:

- ``actions``: every menu and toolbar action declared once, as data (text, shortcut,
  icon, tips, handler), and the menus, the toolbar and the Help ▸ Keyboard shortcuts list
  built from that table;
- ``edit_actions``: the Edit menu's undo/redo/cut/copy/paste on the focused text field;
- ``recent``: File ▸ Open Recent (lists) and Open Recent Template;
- ``drops``: files dropped on the window (a list, a template);
- ``startup``: the deferred start — the frame paints first, the work area's modules are
  imported one per event-loop turn (``WORK_AREA_MODULES``);
- ``shortcuts``: the Help ▸ Keyboard shortcuts window.

Each part is given what it acts on and tells the window what happened through signals;
parts never reach into each other.
"""
