"""The Qt shell: widgets that show the core and forward the user's intent.

Nothing here holds business logic: every core call runs through ``workers``.
"""
