"""Sampling: bounded, every kind of change represented, changed documents first, reproducible."""

from unmangle.document import Edit
from unmangle.report.rows import Row
from unmangle.report.sample import Sampler


def _row(n: int, kinds: tuple[str, ...] = (), size: int = 20) -> Row:
    edits = [Edit(k, 0, 1, "a", "b", 0.9) for k in kinds]
    return Row(id=str(n), text="x" * size, edits=edits, changed=bool(kinds))


def _stream(n: int) -> list[Row]:
    rows = []
    for i in range(n):
        kinds = ("mojibake",) if i % 3 == 0 else ()
        if i == n - 1:
            kinds = ("rare",)  # the last row is the only one with this kind
        rows.append(_row(i, kinds))
    return rows


def test_picks_are_bounded_and_cover_every_kind_even_a_rare_late_one():
    sampler = Sampler(max_docs=10)
    for row in _stream(20_000):
        sampler.offer(row)
    picks = sampler.picks()
    assert len(picks) == 10
    assert {"mojibake", "rare"} <= {k for p in picks for k in p.row.kinds}
    assert picks[0].kind == "rare"  # rarest kind first


def test_changed_documents_come_before_unchanged_ones():
    sampler = Sampler(max_docs=200, unchanged=5)
    for row in _stream(300):
        sampler.offer(row)
    changed = [p.row.changed for p in sampler.picks()]
    assert changed.count(False) == 5
    assert changed.index(False) > 0 and all(not c for c in changed[changed.index(False):])


def test_sampling_is_reproducible_with_the_same_seed():
    def ids(seed: int) -> list[str]:
        sampler = Sampler(max_docs=20, seed=seed)
        for row in _stream(5000):
            sampler.offer(row)
        return [p.row.id for p in sampler.picks()]

    assert ids(1) == ids(1)
    assert ids(1) != ids(2)


def test_oversized_documents_are_not_sampled_and_the_description_says_so():
    sampler = Sampler(max_doc_chars=100)
    sampler.offer(_row(1, ("huge-only",), size=1000))
    sampler.offer(_row(2, ("mojibake",)))
    picks = sampler.picks()
    assert [p.row.id for p in picks] == ["2"]
    text = sampler.describe(picks, 2, stopped_for_size=False)
    assert "Showing 1 of 2 documents" in text and "over 100 characters" in text and "huge-only" in text
