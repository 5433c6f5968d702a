"""The same input gives the same repair in every process: nothing in a decision may follow the order of a set,
which changes with Python's hash seed (a corpus run on many workers must agree with itself)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = """
import json, sys
from unmangle import fix_and_explain
texts = json.loads(sys.stdin.read())
print(json.dumps([[fix_and_explain(t)[0], [e.detail for e in fix_and_explain(t)[1]]] for t in texts]))
"""

TEXTS = [
    "It鈥檚 the 鈥渂est鈥 caf茅 in town 鈥 really.",
    "Ã‰tÃ© Ã  Paris, cafÃ© et crÃ¨me brÃ»lÃ©e.",
    "Ð\xa0Ð¾Ñ\x81Ñ\x81Ð¸Ñ\x8f Ð¸ Ð¼Ð¸Ñ€",
    "Ìîñêâà ÿâëÿåòñÿ ñòîëèöåé Ðîññèéñêîé Ôåäåðàöèè.",
    "HER2, meme, rahim, akciðer ve kalýn baðýrsak kanserleri. Baðýþýklýk hücrelerini nasýl hedef alacaklarýný.",
    "縺励°縺励↑縺後ｉ蠖ｼ縺ｯ縲?4譌･蠕後↓繧ｹ繝翫う繝代?ｼ縺ｫ繧医ｊ谿ｺ螳ｳ縺輔ｌ",
]


def _run(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", SCRIPT], input=json.dumps(TEXTS), capture_output=True, text=True,
                         env=env, check=True, timeout=120)
    return json.loads(out.stdout)


def test_repairs_do_not_depend_on_the_hash_seed() -> None:
    assert _run("1") == _run("2") == _run("3")


def test_a_shredded_line_reads_the_same_on_every_call() -> None:
    # The lattice search gives up past a budget of decoder states; counting only the tables it had to build
    # made the answer depend on what earlier searches had left in memory.
    from unmangle.encoding.repair import fix_and_explain as fix

    text = "\ufffd\ufffdÑ   Ш"
    assert fix(text) == fix(text) == fix(text)


def test_a_repair_does_not_depend_on_what_was_repaired_before() -> None:
    from unmangle import fix_text

    alone = [fix_text(t) for t in TEXTS]
    for noise in ("Ã©" * 50, "鈥檚 " * 30, "Ð\xa0Ð¾Ñ\x81 " * 20):
        fix_text(noise)
    assert [fix_text(t) for t in TEXTS] == alone
