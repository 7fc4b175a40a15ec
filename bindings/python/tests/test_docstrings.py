"""Every public function, method and property of the package has a docstring with an example
(what ``help()`` shows), and every example runs and gives what it says (doctest), from
tests/data/capi as the working directory (the examples name its files)."""
import doctest
import importlib
import inspect
import os

import pytest

import pbp
from conftest import DATA

MODULES = ["pbp", "pbp._model", "pbp._money", "pbp._tables", "pbp._errors"]


def _has_pandas():
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def public_api():
    """(name, object) for every public function, and every public method and property of the
    public classes, defined in the package."""
    for name in pbp.__all__:
        obj = getattr(pbp, name)
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj) and obj.__module__.startswith("pbp"):
            for cls in obj.__mro__:
                if not cls.__module__.startswith("pbp"):
                    continue
                for attr, raw in vars(cls).items():
                    if attr.startswith("_"):
                        continue
                    if isinstance(raw, (staticmethod, classmethod)):
                        raw = raw.__func__
                    if inspect.isfunction(raw) or isinstance(raw, property):
                        yield "%s.%s" % (name, attr), raw


API = sorted(dict(public_api()).items())


def test_the_public_api_is_found():
    names = [n for n, _ in API]
    for expected in ("allocate", "allocate_table", "Model.load", "Model.decides", "Model.decides_table",
                     "Model.balances_table", "Money.round", "Table.to_frame", "Diagnostic.is_error"):
        assert expected in names


@pytest.mark.parametrize("name,obj", API, ids=[n for n, _ in API])
def test_every_public_function_has_a_docstring_with_an_example(name, obj):
    doc = inspect.getdoc(obj)
    assert doc, "%s has no docstring" % name
    assert ">>>" in doc, "%s: its docstring shows no example" % name


def _doctests():
    finder = doctest.DocTestFinder()
    tests = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for t in finder.find(module, module_name, globs={"pbp": pbp}):
            if t.examples:
                tests.append(t)
    return sorted(tests, key=lambda t: t.name)


DOCTESTS = _doctests()


@pytest.mark.parametrize("test", DOCTESTS, ids=[t.name for t in DOCTESTS])
def test_examples_run(test, monkeypatch):
    monkeypatch.chdir(DATA)
    if not _has_pandas():
        test.examples = [e for e in test.examples if "to_frame" not in e.source]
    if os.environ.get("PBP_HTML_REPORT") == "OFF" and test.name.endswith(".report_html"):
        test.examples = []  # a library built without it (test_model.py checks the error instead)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out = []
    result = runner.run(test, out=out.append)
    assert result.failed == 0, "".join(out)
