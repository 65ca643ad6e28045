"""setuptools hook: the package's generated data (the .qm translation, the window icon) is
made from ``resources/`` before the package is built, so ``pip install .`` and every wheel
carry it (``installer/package_data.py`` does the work; ``make`` runs the same file)."""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithPackageData(build_py):
    def run(self) -> None:
        spec = importlib.util.spec_from_file_location("package_data", HERE / "installer" / "package_data.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.build(HERE)
        super().run()


setup(cmdclass={"build_py": BuildPyWithPackageData})
