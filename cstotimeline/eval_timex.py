"""TempEval-3 Task A scoring of the TIMEX3 tagger, with an error report.

Scores as the official TempEval-3 scorer does:

- strict extent: a system timex matches a gold one with the identical span;
- relaxed extent: the spans overlap (one-to-one matching, exact matches first);
- attribute F1 (value, type) = relaxed F1 × attribute accuracy over the relaxed matches.

Only TIMEX3s inside ``<TEXT>`` are scored; the DCT is the reference date.
"""

from __future__ import annotations

import pathlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cstotimeline.records import Timex
from cstotimeline.timeml import TimeMLDoc, iter_timeml_dir

ERROR_KINDS = ("missed", "spurious", "wrong_extent", "wrong_value", "wrong_type")


@dataclass(frozen=True, slots=True)
class ErrorExample:
    """One error: the document, a context snippet and the gold/system annotations."""

    doc: str
    kind: str
    context: str
    gold: str | None  # "text|TYPE|value"
    system: str | None


@dataclass(slots=True)
class TimexReport:
    """Counts, derived metrics and error examples of one evaluation run."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0  # system timexes with an identical gold span
    relaxed: int = 0  # one-to-one overlapping pairs
    value_correct: int = 0  # relaxed pairs with the same value
    type_correct: int = 0  # relaxed pairs with the same type
    seconds: float = 0.0  # total wall time (parsing + tagging)
    tag_seconds: float = 0.0  # time spent in tag() only
    use_model: bool = False
    errors: dict[str, list[ErrorExample]] = field(
        default_factory=lambda: {k: [] for k in ERROR_KINDS}
    )

    # ---------------------------------------------------------------- metrics
    @staticmethod
    def _prf(hit: int, system: int, gold: int) -> tuple[float, float, float]:
        p = hit / system if system else 0.0
        r = hit / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._prf(self.strict, self.system, self.gold)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed if self.relaxed else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        return self.relaxed_prf[2] * self.value_accuracy

    @property
    def type_f1(self) -> float:
        return self.relaxed_prf[2] * self.type_accuracy

    @property
    def expressions_per_second(self) -> float:
        return self.system / self.seconds if self.seconds else 0.0

    @property
    def tag_expressions_per_second(self) -> float:
        return self.system / self.tag_seconds if self.tag_seconds else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The headline numbers, for JSON output."""
        sp, sr, sf = self.strict_prf
        rp, rr, rf = self.relaxed_prf
        return {
            "docs": self.docs,
            "gold": self.gold,
            "system": self.system,
            "strict_precision": sp,
            "strict_recall": sr,
            "strict_f1": sf,
            "relaxed_precision": rp,
            "relaxed_recall": rr,
            "relaxed_f1": rf,
            "value_f1": self.value_f1,
            "type_f1": self.type_f1,
            "value_accuracy": self.value_accuracy,
            "type_accuracy": self.type_accuracy,
            "expressions_per_second": self.expressions_per_second,
            "tag_expressions_per_second": self.tag_expressions_per_second,
        }


def _overlap(a: Timex, b: Timex) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping spans, exact ones first."""
    pairs = []
    for gi, gt in enumerate(gold):
        for si, st in enumerate(system):
            ov = _overlap(gt, st)
            if ov:
                exact = gt.start == st.start and gt.end == st.end
                pairs.append((not exact, -ov, gi, si))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gi, si))
    return sorted(out)


def _label(t: Timex) -> str:
    return f"{t.text}|{t.type}|{t.value}" + (f"|{t.mod}" if t.mod else "")


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join((left + "[" + text[start:end] + "]" + right).split())


def score_document(report: TimexReport, doc: TimeMLDoc, system: Sequence[Timex]) -> TimexReport:
    """Add one document's counts and errors to ``report`` (which is returned)."""
    gold = list(doc.timexes)
    report.docs += 1
    report.gold += len(gold)
    report.system += len(system)
    pairs = match(gold, system)
    matched_g = {g for g, _ in pairs}
    matched_s = {s for _, s in pairs}
    for gi, si in pairs:
        gt, st = gold[gi], system[si]
        report.relaxed += 1
        exact = gt.start == st.start and gt.end == st.end
        if exact:
            report.strict += 1
        else:
            report.errors["wrong_extent"].append(
                ErrorExample(doc.name, "wrong_extent", _context(doc.text, gt.start, gt.end),
                             _label(gt), _label(st))
            )  # fmt: skip
        if gt.value == st.value:
            report.value_correct += 1
        else:
            report.errors["wrong_value"].append(
                ErrorExample(doc.name, "wrong_value", _context(doc.text, gt.start, gt.end),
                             _label(gt), _label(st))
            )  # fmt: skip
        if gt.type == st.type:
            report.type_correct += 1
        else:
            report.errors["wrong_type"].append(
                ErrorExample(doc.name, "wrong_type", _context(doc.text, gt.start, gt.end),
                             _label(gt), _label(st))
            )  # fmt: skip
    for gi, gt in enumerate(gold):
        if gi not in matched_g:
            report.errors["missed"].append(
                ErrorExample(doc.name, "missed", _context(doc.text, gt.start, gt.end),
                             _label(gt), None)
            )  # fmt: skip
    for si, st in enumerate(system):
        if si not in matched_s:
            report.errors["spurious"].append(
                ErrorExample(doc.name, "spurious", _context(doc.text, st.start, st.end),
                             None, _label(st))
            )  # fmt: skip
    return report


def evaluate_docs(
    docs: Iterable[TimeMLDoc], *, use_model: bool = True, model: str | None = None
) -> TimexReport:
    """Tag and score TimeML documents already read."""
    from cstotimeline.timex import tag

    nlp = None
    if use_model:
        from cstotimeline import nlp as nlp_mod

        nlp = nlp_mod.load(model)
    report = TimexReport(use_model=use_model)
    for doc in docs:
        t0 = time.perf_counter()
        parsed = nlp(doc.text) if nlp is not None else None
        t1 = time.perf_counter()
        system = tag(doc.text, doc.dct, parsed)
        t2 = time.perf_counter()
        report.seconds += t2 - t0
        report.tag_seconds += t2 - t1
        score_document(report, doc, system)
    return report


def evaluate_dir(
    path: pathlib.Path, *, use_model: bool = True, model: str | None = None
) -> TimexReport:
    """Tag every ``*.tml`` under ``path`` (recursively) and score against its TIMEX3s."""
    return evaluate_docs(iter_timeml_dir(pathlib.Path(path)), use_model=use_model, model=model)


def format_report(report: TimexReport, *, examples: int = 5) -> str:
    """A plain-text table of the metrics followed by error counts and examples."""
    sp, sr, sf = report.strict_prf
    rp, rr, rf = report.relaxed_prf
    lines = [
        f"TempEval-3 Task A: {report.docs} documents, {report.gold} gold, "
        f"{report.system} system timexes ({'with' if report.use_model else 'without'} model)",
        "",
        f"{'':<16}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'strict extent':<16}{sp:>8.3f}{sr:>8.3f}{sf:>8.3f}",
        f"{'relaxed extent':<16}{rp:>8.3f}{rr:>8.3f}{rf:>8.3f}",
        f"{'value':<16}{'':>8}{'':>8}{report.value_f1:>8.3f}"
        f"   (accuracy {report.value_accuracy:.3f})",
        f"{'type':<16}{'':>8}{'':>8}{report.type_f1:>8.3f}   (accuracy {report.type_accuracy:.3f})",
        "",
        f"speed: {report.expressions_per_second:,.0f} expressions/s overall, "
        f"{report.tag_expressions_per_second:,.0f} expressions/s in tag() "
        f"({report.seconds:.2f} s total)",
    ]
    lines.append("")
    lines.append("errors: " + ", ".join(f"{k} {len(v)}" for k, v in report.errors.items()))
    if examples > 0:
        for kind in ERROR_KINDS:
            errs = report.errors[kind]
            if not errs:
                continue
            lines.append("")
            lines.append(f"{kind} ({len(errs)}):")
            for e in errs[:examples]:
                detail = " ".join(
                    part
                    for part in (
                        f"gold={e.gold}" if e.gold else "",
                        f"system={e.system}" if e.system else "",
                    )
                    if part
                )
                lines.append(f"  {e.doc}: {e.context}")
                lines.append(f"      {detail}")
    return "\n".join(lines)
