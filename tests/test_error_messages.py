"""Error messages are translatable templates (issue 8): every message of the core is a string
literal with ``{placeholders}`` (never an f-string), known to resources/translations/errors_en.ts
with an English translation that keeps its placeholders, compiled into errors_en.qm; no message
speaks of command-line options; the Vietnamese ``message`` is the filled template."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

import pytest

from mohao_desk.domain import errors
from mohao_desk.domain.errors import Capitalized, Clause, DeskError, Phrase, RuleViolation
from mohao_desk.domain.lifecycle import APOLOGY_RULES_BROKEN
from mohao_desk.domain.package import PACKAGE_REFUSED_DETAIL, PackageError
from mohao_desk.domain.text import group_digits

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "errors_en.ts"
QM = FOLDER / "errors_en.qm"


def _extractor() -> ModuleType:
    path = ROOT / "scripts" / "extract_error_templates.py"
    spec = importlib.util.spec_from_file_location("extract_error_templates", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extractor() -> ModuleType:
    return _extractor()


@pytest.fixture(scope="module")
def catalogue(extractor: ModuleType):
    return extractor.collect()


def _messages(ts: Path) -> dict[str, ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        assert context.findtext("name") == "DeskError"
        for message in context.iter("message"):
            found[message.findtext("source", "")] = message
    return found


# ------------------------------------------------------------------ the raise sites


def test_every_message_is_a_literal_template(catalogue) -> None:
    """No f-string, no message assembled in a variable: each construction of a DeskError (or a
    subclass, or a Phrase) names its template literally or by a template() constant, and passes
    exactly the parameters its placeholders name."""
    assert catalogue.problems == []
    assert len(catalogue.templates) > 230


def test_the_walk_sees_every_kind_of_site(catalogue) -> None:
    """The walk is not vacuous: it finds sites in every layer, subclasses, phrases, the
    PackageError details and the template() constants."""
    templates = catalogue.templates
    places = {site.path.split("/")[1] for sites in templates.values() for site in sites}
    assert {"domain", "services", "store", "cli"} <= places
    files = {site.path for sites in templates.values() for site in sites}
    assert {"mohao_desk/cli/base.py", "mohao_desk/cli/reports.py"} <= files
    assert "Không tìm thấy hồ sơ mã '{code}'." in templates  # NotFound
    assert "Không thể thực hiện '{act}' khi hồ sơ đang ở trạng thái '{status}'." in templates
    assert "Thủ tục thứ {n}" in templates  # a Phrase
    assert "trường '{field}' phải là thời điểm UTC" in templates  # a PackageError detail
    assert PACKAGE_REFUSED_DETAIL in templates  # a template() constant
    assert "quá lớn" in templates  # PackageError.LABELS
    assert catalogue.constants["APOLOGY_RULES_BROKEN"] == APOLOGY_RULES_BROKEN


def test_the_walk_refuses_an_f_string(extractor, tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "mohao_desk"
    (package / "domain").mkdir(parents=True)
    (package / "domain" / "errors.py").write_text(
        "class DeskError(Exception):\n    pass\n", encoding="utf-8"
    )
    (package / "services.py").write_text(
        "from mohao_desk.domain.errors import DeskError\n"
        "class Oops(DeskError):\n    pass\n"
        "def f(code):\n"
        "    raise Oops(f'Không tìm thấy {code}.')\n"
        "def g(code):\n"
        "    raise DeskError('Không tìm thấy {code}.', cod=code)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(extractor, "ROOT", tmp_path)
    monkeypatch.setattr(extractor, "PACKAGE", package)
    monkeypatch.setattr(extractor, "MACHINERY", package / "domain" / "errors.py")
    problems = extractor.collect().problems
    assert len(problems) == 2
    assert "services.py:5: Oops() message is not a string literal" in problems[0]
    assert "placeholders ['code'] but parameters ['cod']" in problems[1]


def test_no_message_speaks_of_the_command_line(catalogue) -> None:
    """Messages speak to the person in front of the window; the CLI adds its options itself."""
    for text, sites in catalogue.templates.items():
        assert "--" not in text, (text, sites[0].path)
        if all(site.path.startswith("mohao_desk/cli") for site in sites):
            continue  # the CLI's own messages may name its commands
        assert "mohao-desk" not in text, (text, sites[0].path)
        assert "lệnh '" not in text, (text, sites[0].path)


# ------------------------------------------------------------------ the catalogue


def test_every_template_is_translated_with_its_placeholders(extractor, catalogue) -> None:
    messages = _messages(TS)
    assert sorted(messages) == sorted(catalogue.templates), "run scripts/extract_error_templates.py"
    for source, message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"{source!r} is unfinished"
        text = translation.text or ""
        assert text.strip(), f"{source!r} has no translation"
        assert sorted(extractor.fields(text)) == sorted(extractor.fields(source)), (source, text)
        assert "--" not in text


def test_the_extractor_keeps_the_catalogue_as_it_is(extractor) -> None:
    assert extractor.main(["--check"]) == 0


def _lrelease() -> Path:
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / "pyside6-lrelease", bin_dir / "pyside6-lrelease.exe"):
        if candidate.exists():
            return candidate
    found = shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease ships with PySide6 and must be found"
    return Path(found)


def test_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "errors_en.qm"
    subprocess.run([str(_lrelease()), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on errors_en.ts"


# ------------------------------------------------------------------ the core


def test_message_is_the_filled_template() -> None:
    exc = DeskError("Không tìm thấy hồ sơ mã '{code}'.", code="X-1")
    assert exc.message == str(exc) == "Không tìm thấy hồ sơ mã 'X-1'."
    assert exc.template == "Không tìm thấy hồ sơ mã '{code}'."
    assert exc.params == {"code": "X-1"}
    plain = DeskError("Dòng {không phải} tham số")  # no parameters: shown as written
    assert plain.message == "Dòng {không phải} tham số"


def test_phrases_tuples_and_specs_render_in_the_message() -> None:
    where = Phrase("Thủ tục {code}", code="1.004873")
    exc = DeskError("{where}: {error}", where=where, error=Phrase("thiếu {what}", what="tên"))
    assert exc.message == "Thủ tục 1.004873: thiếu tên"
    rules = (Phrase("Một."), Phrase("Hai {n}.", n=2))
    assert RuleViolation(APOLOGY_RULES_BROKEN, rules=rules).message == (
        "Một. Hai 2. Muốn vẫn ghi nhận, phải nêu lý do ngoại lệ."
    )
    assert str(Clause("Hết hạn.")) == "Hết hạn"
    assert str(Capitalized("họ tên")) == "Họ tên"
    day = DeskError("Ngày {day:%d/%m/%Y}.", day=date(2024, 4, 26))
    assert day.message == "Ngày 26/04/2024."


def test_render_translates_template_phrases_and_labels() -> None:
    english = {
        "Không thể thực hiện '{act}' khi hồ sơ đang ở trạng thái '{status}'.": (
            "Cannot record '{act}' while the dossier is '{status}'."
        ),
        "Thủ tục {code}": "Procedure {code}",
        "{where}: mã thủ tục bị trùng.": "{where}: duplicate procedure code.",
    }
    labels = {"Trả kết quả": "Return result", "Đã tiếp nhận": "Received"}
    exc = DeskError(
        "Không thể thực hiện '{act}' khi hồ sơ đang ở trạng thái '{status}'.",
        act="Trả kết quả",
        status="Đã tiếp nhận",
    )
    translate = lambda text: english.get(text, text)  # noqa: E731
    label = lambda text: labels.get(text, text)  # noqa: E731
    assert exc.render(translate, label) == (
        "Cannot record 'Return result' while the dossier is 'Received'."
    )
    nested = DeskError("{where}: mã thủ tục bị trùng.", where=Phrase("Thủ tục {code}", code="X"))
    assert nested.render(translate) == "Procedure X: duplicate procedure code."
    assert exc.render() == exc.message


def test_a_translation_that_does_not_fit_falls_back_to_vietnamese() -> None:
    exc = DeskError("Không tìm thấy hồ sơ mã '{code}'.", code="X-1")
    assert exc.render(lambda _: "Dossier '{kode}' not found.") == exc.message
    assert exc.render(lambda _: "Dossier '{code' not found.") == exc.message


def test_package_error_keeps_its_file_and_check() -> None:
    exc = PackageError("a.mhd", "manifest", "trường '{field}' không hợp lệ", field="since")
    assert (exc.name, exc.check) == ("a.mhd", "manifest")
    assert exc.message == (
        "Gói 'a.mhd' bị từ chối: tệp kê khai không hợp lệ (trường 'since' không hợp lệ); cơ sở "
        "dữ liệu không thay đổi."
    )
    assert exc.template == PACKAGE_REFUSED_DETAIL
    key = PackageError("k.json", "key")
    assert key.message == "Tệp khóa 'k.json' bị từ chối: tệp khóa công khai không hợp lệ."


def test_errors_module_has_no_qt() -> None:
    assert "PySide6" not in Path(errors.__file__).read_text(encoding="utf-8")


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0"), (999, "999"), (1000, "1.000"), (5000, "5.000"), (1234567, "1.234.567")],
)
def test_group_digits(n: int, text: str) -> None:
    assert group_digits(n) == text
    assert group_digits(-n) == ("-" + text if n else "0")


def test_numbers_in_messages_use_the_vietnamese_separator() -> None:
    from mohao_desk.services.demo import MAX_DEMO_DOSSIERS, check_demo_request

    with pytest.raises(DeskError) as refused:
        check_demo_request(MAX_DEMO_DOSSIERS + 1, datetime(2024, 5, 1))
    assert group_digits(MAX_DEMO_DOSSIERS) in refused.value.message
    assert "," not in refused.value.message
