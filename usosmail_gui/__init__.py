"""usosmail-gui: personalised e-mail to students through the USOS API mailing module."""

__version__ = "0.1.0"
