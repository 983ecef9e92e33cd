"""Read input files and folders into Documents, refusing bad input before any work starts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import KgError

SUFFIXES = (".txt", ".md", ".jsonl")


@dataclass(frozen=True)
class Document:
    """One article: its text plus the metadata provenance needs."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str = ""
    meta: dict = field(default_factory=dict, compare=False, repr=False)

    def info(self) -> dict:
        """Metadata without the text, as stored in the graph."""
        return {k: v for k, v in (("id", self.id), ("title", self.title), ("date", self.date),
                                  ("url", self.url), ("source", self.source)) if v}


def find_files(inputs: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of readable input files."""
    files: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise KgError(f"no such file or folder: {path}")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                raise KgError(f"folder has no .txt, .md or .jsonl files: {path}")
            files.extend(found)
        elif path.suffix.lower() in SUFFIXES:
            files.append(path)
        else:
            raise KgError(f"unsupported file type (want .txt, .md or .jsonl): {path}")
    if not files:
        raise KgError("no input files given")
    return list(dict.fromkeys(p.resolve() for p in files))


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, rejecting binary, non-UTF-8 and empty files."""
    data = path.read_bytes()
    if b"\x00" in data:
        raise KgError(f"binary file, not text: {path}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgError(f"not UTF-8 text (byte {err.start}): {path}") from None
    if not text.strip():
        raise KgError(f"empty file: {path}")
    return text


def _markdown_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip() or None
    return None


def _jsonl_documents(path: Path, text: str) -> Iterator[Document]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise KgError(f"{path}:{number}: not valid JSON ({err.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            raise KgError(f"{path}:{number}: each line needs a non-empty \"text\" field")
        meta = {k: record[k] for k in ("title", "date", "url") if isinstance(record.get(k), str) and record[k]}
        doc_id = str(record.get("id") or f"{path.stem}-{number}")
        yield Document(id=doc_id, text=record["text"], source=f"{path}:{number}", **meta)


def read_file(path: Path) -> list[Document]:
    """Documents in one file: one per .txt/.md file, one per line of a .jsonl file."""
    text = read_text(path)
    if path.suffix.lower() == ".jsonl":
        docs = list(_jsonl_documents(path, text))
        if not docs:
            raise KgError(f"no documents in {path}")
        return docs
    title = _markdown_title(text) if path.suffix.lower() == ".md" else None
    return [Document(id=path.stem, text=text, title=title, source=str(path))]


def read_inputs(inputs: Iterable[str | Path]) -> list[Document]:
    """All documents of the inputs, checked up front so a bad file stops the build before it writes."""
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for path in find_files(inputs):
        for doc in read_file(path):
            if doc.id in seen:
                raise KgError(f"duplicate document id {doc.id!r} in {doc.source} and {seen[doc.id]}")
            seen[doc.id] = doc.source
            docs.append(doc)
    return docs
