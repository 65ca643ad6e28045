"""usosmail-gui: personalised e-mail to students through the USOS API mailing module."""

try:  # generated from pyproject.toml by the build (installer/package_data.py)
    from ._version import VERSION as __version__
except ImportError:  # a source tree nobody built: ask the installed metadata, if any
    from importlib import metadata

    try:
        __version__ = metadata.version("usosmail-gui")
    except metadata.PackageNotFoundError:
        __version__ = "unknown"

__all__ = ["__version__"]
