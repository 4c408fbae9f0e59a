"""Join printed lines back into running text, repairing line-end hyphenation.

A hyphen at a line end is either soft hyphenation («наставниче-» + «ства») or a real hyphen that
happened to fall at the break («Южно-» + «Кузбасская», «НАУЧНО-» + «ПРАКТИЧЕСКАЯ»). The dictionary
decides: join when the joined word is a known Russian word, keep the hyphen when the hyphenated
word or both halves are known, and otherwise join (soft hyphenation is far more common).
"""

from __future__ import annotations

import re

from extract.morph import is_known_word as _known

_WORD_BEFORE = re.compile(r"(\w+)-$")
_WORD_AFTER = re.compile(r"^(\w+)(-?)")


def keep_hyphen(left: str, right: str) -> bool:
    """Decide whether «left-» + «right» is a real hyphenated compound (True) or a soft break."""
    if not right or not left:
        return True
    if right[0].isdigit() or left[-1].isdigit():
        return True
    # «Южно-» + «Кузбасская»: a lower-case word followed by a capital starts a new part of a compound.
    if left[-1].islower() and right[0].isupper():
        return True
    if _known(left + right):
        return False
    if _known(left + "-" + right):
        return True
    if _known(left) and _known(right) and len(left) > 2 and len(right) > 2:
        return True
    # «Форсайт-» + «сессия»: an unknown loan word joined to a whole known word is a compound.
    return len(left) >= 4 and len(right) >= 4 and _known(right)


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph or cell with spaces, mending hyphenated line ends."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        m = _WORD_BEFORE.search(out)
        n = _WORD_AFTER.match(line)
        if m and n and not out.endswith(" -"):
            # «психо-» + «лого-педагогических»: the fragment opens a compound, so the break was soft
            compound_goes_on = n.group(2) == "-" and not (m.group(1)[-1].islower() and n.group(1)[0].isupper())
            if not compound_goes_on and keep_hyphen(m.group(1), n.group(1)):
                out += line
            else:
                out = out[:-1] + line
        else:
            out += " " + line
    return out


_WS = re.compile(r"\s+")


def collapse_ws(text: str) -> str:
    return _WS.sub(" ", text).strip()
