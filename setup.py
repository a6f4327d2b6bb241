"""Build step: put the top-level `data/` and `locales/` into the wheel as `bot/data`, `bot/locales`.

They stay at the top of the repository (organizers and translators edit them there);
`bot/resources.py` reads the packaged copy with importlib.resources when installed.
Everything else is configured in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: folder at the top -> file patterns copied into bot/<folder> in the wheel
SHIPPED = {"data": ("*.toml", "examples/*.toml"), "locales": ("*/LC_MESSAGES/*.po",)}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's folders directly
            return
        for folder, patterns in SHIPPED.items():
            for pattern in patterns:
                for source in sorted((ROOT / folder).glob(pattern)):
                    target = Path(self.build_lib) / "bot" / folder / source.relative_to(
                        ROOT / folder
                    )
                    self.mkpath(str(target.parent))
                    self.copy_file(str(source), str(target))


setup(cmdclass={"build_py": BuildWithData})
