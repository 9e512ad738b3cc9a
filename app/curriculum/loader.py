"""Content files → validated entries, or a list of problems each naming file, line, id and field.

YAML is read with every scalar as a string (no YAML 1.1 booleans: the particle の romanised is `no`),
and the line of every key and list item is kept so that a problem points at its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from app.curriculum import schema

Path_ = tuple[str | int, ...]

# Where each kind lives, relative to content/. Anything else that ends in .yaml is an error, except
# these: the engine's overrides and authors' drafts.
NOT_CURRICULUM = ("readings.yaml", "drafts/")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.id or '-'}: {self.field or '-'}: {self.message}"


@dataclass(frozen=True)
class Source:
    file: str
    lines: dict[Path_, int]

    def line(self, path: Path_) -> int:
        """The line of the deepest part of `path` that the file has."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


@dataclass(frozen=True)
class Entry:
    kind: str
    level: str          # "kana", "N5" …, or "" for courses
    model: schema.Strict
    source: Source
    path: Path_         # where the entry sits in its file: (index,) in a list, () for a whole file

    @property
    def id(self) -> str:
        return self.model.id

    def line(self, *field_path: str | int) -> int:
        return self.source.line(self.path + field_path)


@dataclass
class Content:
    entries: list[Entry] = field(default_factory=list)
    allowed: schema.Allowed = field(default_factory=schema.Allowed)
    problems: list[Problem] = field(default_factory=list)
    invalid_ids: set[str] = field(default_factory=set)  # entries reported already: no follow-on problems

    def of(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Keeps every scalar a string: YAML 1.1 would turn no, yes, on, off into booleans. Parses with
    libyaml when PyYAML has it (about 10x faster on 14,000-line lesson folders), else in Python."""


_Loader.yaml_implicit_resolvers = {}


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


def _to_python(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in result:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _to_python(value_node, (*path, key), lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*path, i), lines) for i, item in enumerate(node.value)]
    return node.value


def read_yaml(path: Path, shown_as: str) -> tuple[Any, Source] | Problem:
    lines: dict[Path_, int] = {}
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
        data = None if node is None else _to_python(node, (), lines)
    except UnicodeDecodeError:
        return Problem(shown_as, 1, "", "", "is not UTF-8 text; save it as UTF-8")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return Problem(shown_as, (mark.line + 1) if mark else 1, "", "",
                       f"YAML syntax error: {error.problem or error}")
    except _DuplicateKey as dup:
        return Problem(shown_as, dup.line, "", dup.key, "this key appears twice in the same mapping")
    return data, Source(shown_as, lines)


def _classify(relative: str) -> tuple[str, str] | None:
    """(kind, level) of a content file from where it lives, or None if it is not a curriculum file."""
    parts = relative.split("/")
    if relative == "courses.yaml":
        return "course", ""
    if relative == "allowed.yaml":
        return "allowed", ""
    if parts[0] == "kana" and len(parts) == 2:
        return "kana", "kana"
    if parts[0] == "items" and len(parts) == 3 and parts[1] in ("kana", *(lv.lower() for lv in schema.LEVELS)):
        return "item", "kana" if parts[1] == "kana" else parts[1].upper()
    if parts[0] == "guides" and len(parts) == 2:
        return "guide", parts[1].removesuffix(".yaml")
    if parts[0] == "modules" and len(parts) == 3 and parts[1] in schema.SECTORS:
        return {"module.yaml": ("module", parts[1]), "vocab.yaml": ("vocab", parts[1])}.get(parts[2])
    if len(parts) >= 2 and parts[0] in {lv.lower() for lv in schema.LEVELS}:
        level = parts[0].upper()
        if parts[1:] == ["kanji.yaml"]:
            return "kanji", level
        if len(parts) == 3 and parts[1] in ("vocab", "grammar", "lessons"):
            return {"vocab": "vocab", "grammar": "grammar", "lessons": "lesson"}[parts[1]], level
    return None


def _field_name(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if not (isinstance(p, str) and p in ("choice", "typed", "order")))


def _validate(kind: str, level: str, data: Any, source: Source, path: Path_, content: Content) -> None:
    model_class = schema.KINDS[kind]
    raw_id = data.get("id", "") if isinstance(data, dict) else ""
    if not isinstance(data, dict):
        content.problems.append(Problem(source.file, source.line(path), "", "", f"expected a {kind} entry (a mapping)"))
        return
    try:
        model = model_class.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and p in ("choice", "typed", "order")))
            message = item["msg"].removeprefix("Value error, ")
            if item["type"] == "missing":
                message = "is missing"
            elif item["type"] == "extra_forbidden":
                message = "is not a field of this kind (check the spelling)"
            elif item["type"] in ("union_tag_invalid", "union_tag_not_found"):
                message, loc = "type must be choice, typed or order", (*loc, "type")
            line = source.line(path + loc)
            content.problems.append(Problem(source.file, line, str(raw_id), _field_name(loc), message))
        content.invalid_ids.add(str(raw_id))
        return
    content.entries.append(Entry(kind, level, model, source, path))


def load(root: Path) -> Content:
    """Read and validate every content file under `root`. Never raises for bad content."""
    content = Content()
    for path in sorted(root.rglob("*.yaml")):
        relative = path.relative_to(root).as_posix()
        shown_as = f"content/{relative}"
        if relative.startswith(NOT_CURRICULUM):
            continue
        where = _classify(relative)
        if where is None:
            content.problems.append(Problem(shown_as, 1, "", "", "is not where any kind of content lives; "
                                            "see docs/content-format.md"))
            continue
        read = read_yaml(path, shown_as)
        if isinstance(read, Problem):
            content.problems.append(read)
            continue
        data, source = read
        kind, level = where
        if kind == "allowed":
            try:
                content.allowed = schema.Allowed.model_validate(data or {})
            except ValidationError as error:
                for item in error.errors():
                    content.problems.append(Problem(shown_as, source.line(tuple(item["loc"])), "",
                                                    _field_name(item["loc"]), item["msg"]))
        elif kind in ("lesson", "module", "guide"):
            _validate(kind, level, data, source, (), content)
        elif not isinstance(data, list):
            content.problems.append(Problem(shown_as, 1, "", "", f"expected a list of {kind} entries"))
        else:
            for i, item in enumerate(data):
                _validate(kind, level, item, source, (i,), content)
    return content
