"""Reading text back through a lossy multi-byte decoder, by a search over what the writer could have written.

Big5, EUC-KR and EUC-JP cannot map half the bytes of UTF-8 CJK text: a decoder run with ``errors='ignore'``,
``'replace'`` or a ``?`` substitute drops them as lead and as trail, so whole characters vanish and what is
left holds few whole token-sized pieces to re-read. Here the unit of search is the writer's character, not the
reader's token: a beam walks the observed text left to right, proposing the next original character from the
model's vocabulary, feeding its bytes to the real decoder (Python's own incremental decoder, so the search
agrees with the codec that did the damage) and keeping only the characters whose decoded output is exactly
what comes next in the observed text. The character model ranks what survives.

Each (decoder state, character) is simulated once per channel and grouped by what it outputs, so a step is a
few dictionary lookups and one vectorised scoring of every surviving candidate.
"""

from __future__ import annotations

import codecs
from array import array
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from unmangle.encoding.ngram import NgramModel, cjk_model

ERR = "\ufffd"
BOS = 0x02
BEAM = 24
# Tables a process keeps, over all channels (50-100 kB each): the states a channel's texts come back to, a few
# hundred for most channels, stay; a channel whose decoder holds long sequences walks thousands, most of them once,
# and a search builds at most MAX_BUILDS.
MAX_TABLES = 8192
# Decoder states one search may ask tables for before it gives up (a state space gone wild): the searches that
# read a line back ask for at most 650 (EUC-JP read as EUC-KR), up to 920 for GB18030 under `ignore` on text
# the model never saw, the runaway ones for thousands, at 1-3 ms each.
MAX_BUILDS = 1000
DENSE_STATES = 2048  # decoder states whose steps are kept in arrays (4 MB an index), not a dictionary
MAX_ANSWERS = 16_384  # answers a table keeps before it forgets those that found nothing (more than it has outputs)
TOP_CHARS = 200  # the most frequent characters of a group, always tried
PER_STATE = 4  # hypotheses kept per (position, decoder state) before the beam cut
OTHER_STATES = 5  # times the beam: the best hypothesis of as many other decoder states survives the cut
MAX_VANISHED = 3  # characters in a row that left no trace in the observed text (errors='ignore')
SWITCH = 6.0  # nats: starting or ending a damaged stretch
ASCII = "".join(chr(c) for c in range(0x20, 0x7F)) + "\t"


@dataclass(frozen=True, slots=True)
class Channel:
    """How the text was damaged: written as ``true``, read as ``wrong`` with the given error mode."""

    true: str
    wrong: str
    errors: str  # "ignore", "replace" (U+FFFD) or "question" ("?")

    @property
    def label(self) -> str:
        return f"{self.true} read as {self.wrong}".replace("_", "-")


@dataclass(frozen=True, slots=True)
class Reading:
    """What the search read back: (start, end, original) spans of the observed text; the best path's model
    score and the observed text's own; how many decoder states the search asked for."""

    spans: tuple[tuple[int, int, str], ...]
    score: float
    observed_score: float
    states: int = 0

    @property
    def gain(self) -> float:
        return self.score - self.observed_score

    def apply(self, observed: str) -> str:
        out, at = [], 0
        for start, end, text in self.spans:
            out += [observed[at:start], text]
            at = end
        return "".join(out) + observed[at:]


@lru_cache(maxsize=8)
def _vocabulary(true: str) -> tuple[tuple[str, ...], tuple[bytes, ...]]:
    """Characters the model has seen (and ASCII), with their bytes in ``true``."""
    seen = cjk_model().t["uni_k"].tolist()
    chars = sorted(ASCII) + [chr(c) for c in seen if 0x80 <= c < 0x10000 and not 0xD800 <= c < 0xE000]
    out_c, out_b = [], []
    for ch in chars:
        try:
            out_b.append(ch.encode(true))
        except UnicodeEncodeError:
            continue
        out_c.append(ch)
    return tuple(out_c), tuple(out_b)


class _Group:
    """The vocabulary characters that, fed to the decoder in one state, show one output string."""

    __slots__ = ("length", "cps", "after", "top", "by_context")

    def __init__(self, length: int, cps: np.ndarray, after: np.ndarray, counts: np.ndarray) -> None:
        self.length = length  # how many observed characters they show
        self.cps = cps  # sorted
        self.after = after
        # The most frequent characters are always candidates; the rest only after a character they followed
        # in the corpora (a rare character in a context never seen cannot win anyway).
        self.top = np.sort(np.argsort(-counts, kind="stable")[:TOP_CHARS]) if len(cps) > TOP_CHARS else None
        self.by_context: dict[int, _Candidates] = {}

    def candidates(self, model: NgramModel, b: int) -> tuple[_Candidates, bool]:
        """The characters worth trying after ``b``: code points, decoder states after, and P(c | b), the part
        of their score that does not depend on the character before ``b`` (kept: the same ``b`` comes back in
        every hypothesis that ends on it); and whether they are new, P(c | b) not yet a number: the search
        fills it in, for all the step's new ones at once (see ``_extend``)."""
        got = self.by_context.get(b)
        if got is not None:
            return got, False
        if self.top is None:
            at: slice | np.ndarray = slice(None)
        else:
            followers = model.followers(b)
            pos = np.minimum(np.searchsorted(self.cps, followers), len(self.cps) - 1)
            at = np.union1d(self.top, pos[self.cps[pos] == followers])
        cps = self.cps[at]
        got = (cps, self.after[at], np.full(len(cps), np.nan))
        if len(self.by_context) > 4096:
            self.by_context.clear()
        self.by_context[b] = got
        return got, True


_Candidates = tuple[np.ndarray, np.ndarray, np.ndarray]


class _Interner(list):
    """Values numbered in order of first sight (decoder states, decoder outputs), so numpy can carry ids."""

    def __init__(self, first: object) -> None:
        super().__init__([first])
        self.numbers: dict[object, int] = {first: 0}

    def id(self, value: object) -> int:
        got = self.numbers.get(value)
        if got is None:
            got = self.numbers[value] = len(self)
            self.append(value)
        return got


class _Table:
    """One decoder state's view of the vocabulary: flat arrays sorted by output, a slice per output; groups are
    made when the search first asks for one (most outputs never occur in the text at hand).

    Outputs are numbered once per channel (:attr:`_Index.shown`): a table keeps only the numbers of its own,
    sorted, and their slices, in two arrays. (A table shows a thousand outputs or more; as strings in a
    dictionary of its own, the tables of a mixed corpus's channels held a gigabyte.)"""

    __slots__ = ("cps", "after", "vocabulary", "shown", "ids", "slices", "groups")

    def __init__(self, cps: np.ndarray, after: np.ndarray, vocabulary: tuple[np.ndarray, np.ndarray],
                 shown: _Interner, ids: array, slices: array) -> None:
        self.cps = cps  # (32 bits, as ``after``: a table holds the whole vocabulary, and a process thousands)
        self.after = after
        self.vocabulary = vocabulary  # the channel's code points, sorted, and their counts
        self.shown = shown  # the channel's outputs, numbered
        self.ids = ids  # the numbers of the outputs this state shows, sorted
        self.slices = slices  # where each one's characters start and end: 2 i, 2 i + 1
        self.groups: dict[str, _Group | None] = {}  # (None: the state shows no character so)

    def shown_by(self, cp: int) -> tuple[str, int] | None:
        """What the character shows from this state, and the state it leaves (None: not in the vocabulary)."""
        at = np.flatnonzero(self.cps == cp)
        if not len(at):
            return None
        pos = int(at[0])
        bounds = np.frombuffer(self.slices, dtype=np.int32)
        i = int(np.flatnonzero((bounds[0::2] <= pos) & (pos < bounds[1::2]))[0])
        return self.shown[self.ids[i]], int(self.after[pos])

    def get(self, shown: str) -> _Group | None:
        got = self.groups.get(shown, _UNASKED)
        if got is _UNASKED:
            got = self._group(shown)
            if got is None and len(self.groups) >= MAX_ANSWERS:
                # (What no character shows is asked of every text anew: a corpus would fill memory with it.)
                self.groups = {text: g for text, g in self.groups.items() if g is not None}
            self.groups[shown] = got
        return got

    def _group(self, shown: str) -> _Group | None:
        k = self.shown.numbers.get(shown)
        if k is None:
            return None
        i = bisect_left(self.ids, k)
        if i == len(self.ids) or self.ids[i] != k:
            return None
        a, b = self.slices[2 * i], self.slices[2 * i + 1]
        cps, counts = self.vocabulary
        return _Group(len(shown), self.cps[a:b], self.after[a:b], counts[np.searchsorted(cps, self.cps[a:b])])


_UNASKED = object()


class _Index:
    """For one channel: per decoder state (the bytes it holds), the vocabulary grouped by decoded output."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.states = _Interner(b"<clean>")  # state 0 is CLEAN: no decoder at work
        self.outputs = _Interner("")
        self.shown = _Interner("")  # what whole characters show, numbered across the tables (see _Table)
        chars, self.raw = _vocabulary(channel.true)
        self.cps = np.array([ord(c) for c in chars], dtype=np.uint64)
        self.counts = cjk_model().unigram(self.cps).astype(np.float32)
        width = max(map(len, self.raw))
        self.byte_mat = np.zeros((len(self.raw), width), dtype=np.int64)
        for i, data in enumerate(self.raw):
            self.byte_mat[i, :len(data)] = list(data)
        lengths = np.fromiter(map(len, self.raw), dtype=np.int64, count=len(self.raw))
        # The characters' first bytes (high ones first: leads tell two states apart soonest).
        self.first_bytes = [bytes((b,)) for b in sorted(set(self.byte_mat[:, 0].tolist()), reverse=True)]
        # The characters with a byte at each position.
        self.active = [np.flatnonzero(lengths > t) for t in range(width)]
        # (state id, byte) -> output id, 1 + state id after (0: not asked yet); see _transitions. (Zeros: the
        # pages an index never steps through are never resident, and a process keeps an index a channel.)
        self._out = np.zeros(256 * DENSE_STATES, dtype=np.int32)
        self._after = np.zeros(256 * DENSE_STATES, dtype=np.int32)
        self._sparse: dict[int, tuple[int, int]] = {}
        self._decoder = codecs.getincrementaldecoder(channel.wrong)("replace")
        self.max_out = 1
        # Decoder states whose tables the current search asked for, built or kept: its budget counts these, so
        # that what a search finds does not depend on what earlier searches left in memory.
        self.touched: set[bytes] = set()
        self._flush: dict[bytes, str] = {}
        self._by_tail: dict[bytes, bytes] = {}  # the first state seen holding each tail (see _representative)
        self._alike: dict[bytes, bytes] = {}

    def state_id(self, pending: bytes) -> int:
        return self.states.id(pending)

    def _representative(self, pending: bytes) -> bytes:
        """The state whose table serves ``pending``: itself, or one that behaves alike.

        A held sequence no byte can complete any more (GB18030's lead, digit, digit: its four-byte form needs
        a lead third) waits only to be dropped and its tail replayed: whatever its first byte, it does the
        same. Such a state shares the table of the first state seen with the same tail, when every byte a
        character can start with gives the same output and leaves the same state from both (then all that
        follows is the same too): GB18030 read with ``errors='ignore'`` otherwise walks thousands of them, one
        table each.
        """
        got = self._alike.get(pending)
        if got is None:
            got = self._alike[pending] = self._alike_state(pending)
        return got

    def _alike_state(self, pending: bytes) -> bytes:
        if len(pending) < 2:
            return pending
        first = self._by_tail.setdefault(pending[1:], pending)
        if first == pending or self.flush(first) != self.flush(pending):
            return pending
        # (A table feeds whole characters: two states that give the same output and leave the same state on
        # every first byte of the vocabulary's characters give the same table.)
        for byte in self.first_bytes:
            if self.feed(first, byte) != self.feed(pending, byte):
                return pending
        return first

    def _shown(self, decoded: str) -> str:
        if self.channel.errors == "ignore":
            return decoded.replace(ERR, "")
        if self.channel.errors == "question":
            return decoded.replace(ERR, "?")
        return decoded

    def feed(self, pending: bytes, data: bytes, final: bool = False) -> tuple[str, bytes]:
        dec = self._decoder
        dec.reset()
        dec.setstate((pending, 0))
        out = dec.decode(data, final)
        return self._shown(out), (b"" if final else dec.getstate()[0])

    def _transitions(self, states: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(output id, state id after) of each decoder state fed one byte: incremental decoding composes, so a
        character is a chain of steps. The steps of the first DENSE_STATES states (the common ones: nothing
        held, a lead byte) are kept in two (state, byte) arrays, the rest in a dictionary; the codec is asked
        only for the pairs not seen before."""
        key = states * 256 + data
        after = self._after.take(key, mode="clip") - 1
        out = self._out.take(key, mode="clip")
        unknown = (after < 0) | (key >= self._after.size)
        if unknown.any():
            uniq, inv = np.unique(key[unknown], return_inverse=True)
            steps = [self._step(k) for k in uniq.tolist()]
            out[unknown] = np.array([o for o, _ in steps], dtype=np.int32)[inv]
            after[unknown] = np.array([a for _, a in steps], dtype=np.int32)[inv]
        return out, after

    def _step(self, key: int) -> tuple[int, int]:
        got = self._sparse.get(key)
        if got is None:
            out, pending = self.feed(self.states[key >> 8], bytes((key & 0xFF,)))
            got = self.outputs.id(out), self.state_id(pending)
            if key < self._after.size:
                self._out[key], self._after[key] = got[0], got[1] + 1
            else:
                self._sparse[key] = got
        return got

    def table(self, pending: bytes) -> _Table:
        """Output string -> the characters that show it from this decoder state (and the states they leave).

        The whole vocabulary is stepped through the decoder a byte position at a time: at each position only
        the distinct (state, byte) pairs are fed to the codec, numpy carries the rest, and the text each
        character shows so far is numbered as it grows (a new number only where a step shows something).
        """
        pending = self._representative(pending)
        self.touched.add(pending)
        got = _TABLES.get((self, pending))
        if got is not None:
            return got
        state = np.full(len(self.cps), self.state_id(pending), dtype=np.int64)
        shown = np.zeros(len(self.cps), dtype=np.int64)  # ids in ``texts``
        texts = _Interner("")
        for t, active in enumerate(self.active):
            out, state[active] = self._transitions(state[active], self.byte_mat[active, t])
            grew = out != 0  # (output 0 is the empty string)
            if grew.any():
                at = active[grew]
                width = len(self.outputs)
                pairs, pair_of = np.unique(shown[at] * width + out[grew], return_inverse=True)
                shown[at] = np.array([texts.id(texts[p // width] + self.outputs[p % width])
                                      for p in pairs.tolist()], dtype=np.int64)[pair_of]
        # By output, then code point (the vocabulary is in code point order and the sort is stable).
        order = np.argsort(shown.astype(np.uint16) if len(texts) < 1 << 16 else shown, kind="stable")
        bounds = np.searchsorted(shown[order], np.arange(len(texts) + 1)).tolist()
        # (A text some characters only passed through on their way to a longer one shows no character.)
        ends = sorted((self.shown.id(texts[k]), bounds[k], bounds[k + 1])
                      for k in range(len(texts)) if bounds[k] < bounds[k + 1])
        got = _Table(self.cps[order].astype(np.uint32), state[order].astype(np.int32), (self.cps, self.counts),
                     self.shown, array("i", [k for k, _, _ in ends]),
                     array("i", [x for _, a, b in ends for x in (a, b)]))
        self.max_out = max(self.max_out, max(map(len, texts)))
        _TABLES.put((self, pending), got)
        return got

    def flush(self, pending: bytes) -> str:
        got = self._flush.get(pending)
        if got is None:
            got = self._flush[pending] = self.feed(pending, b"", final=True)[0]
        return got


class _TableCache:
    """The tables of every channel's decoder states, the least recently asked for going first past
    ``MAX_TABLES``."""

    def __init__(self) -> None:
        self.tables: OrderedDict[tuple[_Index, bytes], _Table] = OrderedDict()

    def get(self, key: tuple[_Index, bytes]) -> _Table | None:
        got = self.tables.get(key)
        if got is not None:
            self.tables.move_to_end(key)
        return got

    def put(self, key: tuple[_Index, bytes], table: _Table) -> None:
        self.tables[key] = table
        if len(self.tables) > MAX_TABLES:
            self.tables.popitem(last=False)

    def forget(self, index: _Index) -> None:
        for key in [key for key in self.tables if key[0] is index]:
            del self.tables[key]


_TABLES = _TableCache()
_INDEXES: OrderedDict[Channel, _Index] = OrderedDict()
# Every channel the lossy pass may ask for (6 decoders, 6 true encodings, 3 error modes): a mixed corpus asks for
# dozens, and an index dropped costs its tables again (a quarter of the search time when 24 were kept).
MAX_INDEXES = 96
# Decoder states an index numbers before it starts afresh: GB18030 read with `ignore` holds 75,000 (a lead, a
# digit and what follows wait for a fourth byte), and starting afresh costs seconds of table building.
MAX_STATES = 200_000


def index_for(channel: Channel) -> _Index:
    """The channel's index, kept between searches; memory stays bounded (indexes, and states in each)."""
    got = _INDEXES.get(channel)
    if got is None or len(got.states) > MAX_STATES:
        if got is None and len(_INDEXES) >= MAX_INDEXES:
            _TABLES.forget(_INDEXES.popitem(last=False)[1])  # the channel asked for least recently
        if got is not None:
            _TABLES.forget(got)
        got = _INDEXES[channel] = _Index(channel)
    _INDEXES.move_to_end(channel)
    return got


# A hypothesis: score, decoder state id (CLEAN: copying the text as it stands), the last two characters (the
# model's context), and the text so far as a linked list (char, parent, observed position after it, clean?).
_Hyp = tuple[float, int, int, int, object]
CLEAN = 0
_CLEAN_AFTER = np.zeros(1, dtype=np.int64)


def search(observed: str, channel: Channel, beam: int | None = None, model: NgramModel | None = None,
           max_builds: int = MAX_BUILDS) -> Reading | None:
    """The most probable original of ``observed`` under ``channel``, or None if nothing can give it.

    The text may also be copied as it stands, for a price at each switch: a clean stretch stays clean, and
    only a stretch whose damaged reading beats it by more than two switches is read back.
    """
    model = model or cjk_model()
    beam = beam or BEAM
    index = index_for(channel)
    n = len(observed)
    max_vanished = MAX_VANISHED if channel.errors == "ignore" else 0
    start = index.state_id(b"")
    # buckets[(j, v)]: (state, a, b) -> best hypothesis; j = observed characters explained, v = characters in a
    # row that showed nothing
    buckets: dict[tuple[int, int], dict[tuple[int, int, int], _Hyp]] = {
        (0, 0): {(start, BOS, BOS): (0.0, start, BOS, BOS, None), (CLEAN, BOS, BOS): (0.0, CLEAN, BOS, BOS, None)}}
    best: tuple[float, object] | None = None
    index.touched = set()
    for j in range(n + 1):
        if len(index.touched) > max_builds:
            return None
        for v in range(max_vanished + 1):
            bucket = buckets.pop((j, v), None)
            if not bucket:
                continue
            hyps = _prune(bucket, beam)
            for score, state, _a, _b, chain in hyps:
                done = j == n if state == CLEAN else observed[j:] == index.flush(index.states[state])
                if done:
                    score += model.end(_a, _b)
                    if best is None or score > best[0]:
                        best = (score, chain)
            _extend(model, index, buckets, hyps, observed, j, v, max_vanished, beam)
    if best is None:
        return None
    nodes = []
    node = best[1]
    while node is not None:
        nodes.append(node)
        node = node[1]  # type: ignore[index]
    nodes.reverse()
    return Reading(_spans(observed, nodes), best[0], model.score(observed + chr(BOS)), len(index.touched))


def _spans(observed: str, nodes: list) -> tuple[tuple[int, int, str], ...]:
    """The observed spans read back, with what they were: maximal runs of characters not copied."""
    out: list[tuple[int, int, str]] = []
    j = 0
    run_start, run_text = None, []
    for c, _parent, j_after, clean in nodes:
        if clean:
            if run_start is not None:
                # A copied character that follows a flush: the flushed output belongs to the run.
                flushed_to = j_after - 1
                out.append((run_start, flushed_to, "".join(run_text)))
                run_start, run_text = None, []
        else:
            if run_start is None:
                run_start = j
            run_text.append(chr(c))
        j = j_after
    if run_start is not None:
        out.append((run_start, len(observed), "".join(run_text)))
    return tuple((s, e, t) for s, e, t in out if observed[s:e] != t)


def _prune(bucket: dict[tuple[int, int, int], _Hyp], beam: int) -> list[_Hyp]:
    """The best ``beam`` hypotheses, and the best of as many other decoder states besides."""
    ranked = sorted(bucket.values(), key=lambda h: -h[0])
    kept = ranked[:beam]
    states = {h[1] for h in kept}
    for h in ranked[beam:]:
        if h[1] not in states:
            states.add(h[1])
            kept.append(h)
            if len(kept) >= (1 + OTHER_STATES) * beam:
                break
    return kept


def _proposals(model: NgramModel, index: _Index, hyps: list[_Hyp], observed: str, j: int, v: int,
               max_vanished: int) -> list[tuple[int, int, _Candidates, float, bool]]:
    """For each hypothesis, the groups of characters whose output matches what the text shows next: (hypothesis,
    observed characters shown, candidates, switch cost, whether the candidates are new). Hypotheses in one
    decoder state share the table lookups. A character copied as it stands is not scored yet (P(c | b) not a
    number)."""
    n = len(observed)
    parts: list[tuple[int, int, _Candidates, float, bool]] = []
    start = index.state_id(b"")
    lo = 0 if v < max_vanished else 1
    matches: dict[int, list[tuple[int, _Group]]] = {}
    for h_i, (_score, state, _a, b, _chain) in enumerate(hyps):
        if state == CLEAN:
            if j < n:
                parts.append((h_i, 1, _copied(observed[j]), 0.0, False))
            state, switch = start, SWITCH
        else:
            flushed = index.flush(index.states[state])
            at = j + len(flushed)
            if at < n and observed.startswith(flushed, j):
                parts.append((h_i, len(flushed) + 1, _copied(observed[at]), SWITCH, False))
            switch = 0.0
        found = matches.get(state)
        if found is None:
            table = index.table(index.states[state])
            found = matches[state] = [(k, g) for k in range(lo, min(index.max_out, n - j) + 1)
                                      if (g := table.get(observed[j:j + k])) is not None]
        for k, group in found:
            candidates, new = group.candidates(model, b)
            parts.append((h_i, k, candidates, switch, new))
    return parts


@lru_cache(maxsize=4096)
def _copied(ch: str) -> _Candidates:
    return np.array([ord(ch)], dtype=np.uint64), _CLEAN_AFTER, _UNSCORED


_UNSCORED = np.full(1, np.nan)


def _extend(model: NgramModel, index: _Index, buckets: dict, hyps: list[_Hyp], observed: str, j: int, v: int,
            max_vanished: int, beam: int) -> None:
    """Every character that may come next after each hypothesis, scored in one batch; the best few per
    (bucket, decoder state) go on."""
    parts = _proposals(model, index, hyps, observed, j, v, max_vanished)
    if not parts:
        return
    sizes = [len(p[2][0]) for p in parts]
    own = np.repeat([p[0] for p in parts], sizes)
    k_arr = np.repeat([p[1] for p in parts], sizes)
    c_arr = np.concatenate([p[2][0] for p in parts])
    after = np.concatenate([p[2][1] for p in parts])
    p_bc = np.concatenate([p[2][2] for p in parts])
    cost = np.repeat([p[3] for p in parts], sizes)
    ctx_a = np.fromiter((h[2] for h in hyps), dtype=np.uint64, count=len(hyps))
    ctx_b = np.fromiter((h[3] for h in hyps), dtype=np.uint64, count=len(hyps))
    base = np.fromiter((h[0] for h in hyps), dtype=np.float64, count=len(hyps))
    unscored = np.isnan(p_bc)
    if unscored.any():
        p_bc[unscored] = model.bigram(ctx_b[own[unscored]], c_arr[unscored])
        at = 0
        for part, size in zip(parts, sizes, strict=True):
            if part[4]:
                part[2][2][:] = p_bc[at:at + size]  # (kept by the group for the next hypothesis ending on b)
            at += size
    total = base[own] + model.given_bigram(ctx_a, ctx_b, p_bc, c_arr, own) - cost
    # Keep the best few per target (bucket, decoder state): a state the model dislikes now may be the only one
    # the next observed characters allow.
    kid = k_arr * len(index.states) + after
    order = np.lexsort((-total, kid))
    keep = order[_rank_in_runs(kid[order]) < PER_STATE]
    if len(keep) > beam:  # (else every one is among its bucket's best: a repeated key keeps its first, below)
        keep = keep[_survivors(k_arr[keep], after[keep], ctx_b[own[keep]], c_arr[keep], total[keep], beam)]
    for k, c, st, val, o in zip(k_arr[keep].tolist(), c_arr[keep].tolist(), after[keep].tolist(),
                                total[keep].tolist(), own[keep].tolist(), strict=True):
        h = hyps[o]
        dest = buckets.setdefault((j + k, v + 1 if k == 0 else 0), {})
        skey = (st, h[3], c)
        old = dest.get(skey)
        if old is None or val > old[0]:
            dest[skey] = (val, st, h[3], c, (c, h[4], j + k, st == CLEAN))


def _rank_in_runs(keys: np.ndarray) -> np.ndarray:
    """Each element's place in its run of equal (sorted) keys: 0, 1, 2, ... from each run's start."""
    starts = np.concatenate(([0], np.nonzero(np.diff(keys))[0] + 1))
    return np.arange(len(keys)) - np.repeat(starts, np.diff(np.concatenate((starts, [len(keys)]))))


def _survivors(k: np.ndarray, state: np.ndarray, prev: np.ndarray, char: np.ndarray, score: np.ndarray,
               beam: int) -> np.ndarray:
    """Which candidates can outlive their bucket's cut (``_prune``), whatever the other steps that feed the
    bucket add to it. Per bucket (k), among the best candidate of each hypothesis key (state, context): the best
    ``beam``, and the best of up to ``(1 + OTHER_STATES) * beam`` other decoder states, best first. The cut keeps
    the best ``beam`` and then the best of each new state until it holds ``(1 + OTHER_STATES) * beam``: a
    candidate dropped here ranks below ``beam`` kept here, and below the best of ``(1 + OTHER_STATES) * beam``
    states, of which the cut's best ``beam`` can hold at most ``beam``; the cut is full before it comes to it.
    (GB18030 read with ``ignore`` offers thousands of states a step.)"""
    order = np.lexsort((-score, char, prev, state, k))
    distinct = order[_firsts(k[order], state[order], prev[order], char[order])]
    by_score = distinct[np.lexsort((-score[distinct], k[distinct]))]
    top = by_score[_rank_in_runs(k[by_score]) < beam]
    by_state = distinct[np.lexsort((-score[distinct], state[distinct], k[distinct]))]
    best = by_state[_firsts(k[by_state], state[by_state])]
    width = int(state.max()) + 1
    best = best[~np.isin(k[best] * width + state[best], k[top] * width + state[top])]
    best = best[np.lexsort((-score[best], k[best]))]
    return np.union1d(top, best[_rank_in_runs(k[best]) < (1 + OTHER_STATES) * beam])


def _firsts(*columns: np.ndarray) -> np.ndarray:
    """Which rows of sorted columns start a run of equal rows."""
    key = np.stack(columns)
    first = np.ones(key.shape[1], dtype=bool)
    first[1:] = (key[:, 1:] != key[:, :-1]).any(axis=0)
    return first
