"""The reader's module-level regexes are compiled when first used (``LazyRegex``)."""

import re
import subprocess
import sys

import pytest

from nlu.matching import LazyRegex, lazy_compile


def test_a_lazy_regex_compiles_once_on_first_use_and_acts_as_the_compiled_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiles: list[tuple[object, ...]] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiles.append(args) or real(*args))
    source, flags = r"(\d+)\s*(k)\b", re.IGNORECASE
    lazy = lazy_compile(source, flags)
    assert compiles == []  # made, not compiled
    regex = real(source, flags)
    text = "about 40 K after-tax, 5k pre-tax and 12 kids"
    assert lazy.search(text).span() == regex.search(text).span()  # type: ignore[union-attr]
    assert compiles == [(source, flags)]
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in regex.finditer(text)]
    assert lazy.findall(text) == regex.findall(text) == [("40", "K"), ("5", "k")]
    assert lazy.sub(r"\1000", text) == regex.sub(r"\1000", text)
    assert lazy.split(text) == regex.split(text)
    assert lazy.match(text) is None and lazy.fullmatch("5k") is not None
    assert (lazy.pattern, lazy.flags, lazy.groups) == (regex.pattern, regex.flags, 2)
    assert len(compiles) == 1  # (the compiled regex's methods were set on it)
    with pytest.raises(AttributeError):
        lazy.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_reader_compiles_none_of_its_module_regexes() -> None:
    """A module that used one of its lazy regexes while it loads (a pattern built from
    another's ``.pattern``) would compile it at every start again."""
    code = (
        "import bot.terminal, sys\n"
        "from nlu.matching import LazyRegex\n"
        "lazy = [v for m in list(sys.modules.values()) if (m.__name__ or '').startswith('nlu')"
        " for v in vars(m).values() if isinstance(v, LazyRegex)]\n"
        "print(len(lazy), sum('search' in vars(v) for v in lazy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    made, compiled = map(int, out.stdout.split())
    assert made > 100
    assert compiled == 0


def test_every_lazy_regex_of_the_reader_compiles() -> None:
    """A regex compiled at import failed at once; a lazy one would fail only when a text
    first needs it, so each is compiled here."""
    import bot.terminal  # noqa: F401  (the modules rothbot ask loads)

    lazy = [
        value
        for module in list(sys.modules.values())
        if (module.__name__ or "").startswith("nlu")
        for value in vars(module).values()
        if isinstance(value, LazyRegex)
    ]
    assert len(lazy) > 100
    for regex in lazy:
        assert re.compile(regex.pattern, regex.flags).pattern == regex.pattern
