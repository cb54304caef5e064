"""Where a bank's article files are: the folder given with `--articles`, then the bank's own `articles/`.

`quizgen add-article` copies a new article into `BANK/articles/`, so `quizgen check` finds it without
being told. Given a folder explicitly, every source's file must be in it or in the bank's folder (a
missing one is a problem); with only the bank's folder, the sources whose files are elsewhere (the
seed articles of the bundled bank) are simply not checked, and `check` says how many.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgen.bank.names import article_path

BANK_ARTICLES = "articles"  # the bank's own folder of article texts


@dataclass(frozen=True)
class ArticleFolders:
    folders: tuple[Path, ...]
    strict: bool = True  # a source whose file is in none of the folders is a problem

    @classmethod
    def for_bank(cls, bank_dir: Path, explicit: Path | None) -> ArticleFolders | None:
        """The folders `check` reads for the bank in `bank_dir`: `explicit` (if given), then BANK/articles."""
        own = bank_dir / BANK_ARTICLES
        folders = tuple(p for p in (explicit, own if own.is_dir() else None) if p is not None)
        if not folders:
            return None
        return cls(folders, strict=explicit is not None)

    def find(self, file: str) -> tuple[Path | None, str | None]:
        """(the first folder's copy of `file`, None), (None, None) when no folder has it, or (None, why) when
        `file` would lead out of a folder (see `names.article_path`)."""
        for folder in self.folders:
            path, why = article_path(folder, file)
            if why is not None:
                return None, why
            if path is not None and (path.exists() or path.is_symlink()):
                return path, None
        return None, None

    def describe(self) -> str:
        return " or ".join(str(f) for f in self.folders)
