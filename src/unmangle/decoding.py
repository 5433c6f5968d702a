"""Bytes to text: UTF-8 when the bytes are UTF-8, otherwise a real detector (charset-normalizer)."""

from __future__ import annotations

import codecs

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
from charset_normalizer import from_bytes

from unmangle.document import Edit
from unmangle.encoding.utf8 import count_high, valid_high_bytes


class UnreadableInput(ValueError):
    """The bytes are not text in any encoding we can detect (binary data, for example)."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes and C0 control bytes other than whitespace mean a binary file, not a text in a rare codec."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return controls > max(8, len(sample) // 100)


# Byte order marks, longest first (UTF-32's starts with UTF-16's).
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))


def _wide_unicode(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 text, which is full of NUL bytes: named by its byte order mark, or UTF-16 without one
    when every other byte of ASCII text is NUL (Windows exports)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8":
                return None
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"input starts with a {codec} byte order mark but is not {codec}") from exc
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for codec, zeros, chars in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if len(zeros) >= 2 and zeros.count(0) >= 0.9 * len(zeros) and 0 not in chars:
            try:
                text = data[:len(data) - len(data) % 2].decode(codec)
            except UnicodeDecodeError:
                return None
            return (text, codec) if not looks_binary(text.encode("utf-8")) else None
    return None


def decode_bytes(data: bytes) -> tuple[str, list[Edit]]:
    """Decode ``data``; the returned edit (if any) records which encoding the detector chose."""
    wide = _wide_unicode(data)
    if wide is not None:
        return wide[0], [Edit("decode", 0, 0, "", "", 1.0, f"bytes are {wide[1]} (byte order mark or NUL pattern)")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if looks_binary(data):
        raise UnreadableInput("input looks binary (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    strays = _utf8_with_strays(data)
    if strays is not None:
        return strays
    matches = list(from_bytes(data))
    if not matches:
        raise UnreadableInput("input is not valid UTF-8 and no text encoding fits it")
    encoding, text, chaos = _most_probable(data, matches)
    edit = Edit("decode", 0, 0, "", "", round(1.0 - chaos, 3),
                f"bytes are not UTF-8; decoded as {encoding} (charset-normalizer, ranked by the character model)")
    return text, [edit]


MOSTLY_UTF8 = 0.9  # of the bytes >= 0x80 in valid UTF-8 sequences: the file is UTF-8, with a few bytes that are not


def _utf8_with_strays(data: bytes) -> tuple[str, list[Edit]] | None:
    """UTF-8 with a few bytes that are not (a page that pasted in a line of Latin-1, a truncated character): the
    UTF-8 is read as UTF-8 and each stray byte as cp1252, the usual legacy encoding of the web, where a detector
    would read the whole file in one legacy codec and turn every UTF-8 character into mojibake (or find none)."""
    high = count_high(data)
    valid = valid_high_bytes(data)
    if not high or valid < MOSTLY_UTF8 * high:
        return None
    edit = Edit("decode", 0, 0, "", "", round(valid / high, 3),
                f"bytes are UTF-8 but for {high - valid} that are not, read as cp1252")
    return data.decode("utf-8", _STRAY_AS_CP1252), [edit]


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """A codec error handler: the bytes UTF-8 could not read, each as cp1252 (its five holes as Latin-1)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("sloppy-windows-1252"), exc.end


_STRAY_AS_CP1252 = "unmangle-stray-as-cp1252"
codecs.register_error(_STRAY_AS_CP1252, _stray_as_cp1252)


# Codecs worth a try beside the detector's own candidates: on short texts it can miss the obvious one (French
# in latin-1 taken for cp1250, `à` becoming `ŕ`).
_ALSO = ("cp1252", "cp1250", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "gb18030", "big5",
         "cp932", "euc_jp", "cp949")
_SAMPLE = 20_000
_USUAL_PRICE, _RARE_PRICE = -2.0, -8.0


def _most_probable(data: bytes, matches: list) -> tuple[str, str, float]:
    """The detector's candidates (and a few usual codecs) ranked by the character model's log-probability per
    character on a sample: the detector measures chaos, the model knows what real text in 23 languages reads
    like."""
    from unmangle.encoding.model import default_model, score_many

    chaos = {m.encoding: float(m.chaos) for m in matches}
    # The usual names first: when two codecs read the bytes alike (cp1252, cp1254), the common one names it.
    also = ("mac_roman", *_ALSO) if b"\r" in data and b"\n" not in data else _ALSO  # (old Mac line ends)
    candidates = list(dict.fromkeys(list(also) + [m.encoding for m in matches]))
    sample = data[:_SAMPLE]
    texts, names = [], []
    for name in candidates:
        try:
            texts.append(sample.decode(name))
        except (UnicodeDecodeError, LookupError):
            # A sample cut in the middle of a multi-byte character still counts.
            try:
                texts.append(sample.decode(name, "strict" if len(sample) == len(data) else "ignore"))
            except (UnicodeDecodeError, LookupError):
                continue
        names.append(name)
        if texts[-1] in texts[:-1]:
            texts.pop()
            names.pop()
    scores = score_many(default_model(), texts)
    # How often the web uses the codec, in nats for the whole text: on a short text (`€ • £ • ¥`) the model
    # alone would take Ukrainian DOS letters over cp1252's signs.
    prior = [0.0 if n == "cp1252" else _USUAL_PRICE if n in also else _RARE_PRICE for n in names]
    best = max(range(len(names)), key=lambda i: ((scores[i] + prior[i]) / max(1, len(texts[i])),
                                                 -chaos.get(names[i], 1.0)))
    name = names[best]
    try:
        text = data.decode(name)
    except UnicodeDecodeError:  # the sample read, the whole does not: the detector's first choice
        return matches[0].encoding, str(matches[0]), float(matches[0].chaos)
    return name, text, chaos.get(name, 0.0)
