"""Word-level diff of two texts, with moved sentences shown as moves (a helper of the render stage).

Two levels, the way a line diff with intra-line highlights works:

1. both texts are cut into sentences (。！？；and line ends close one) and the sentence lists
   are diffed (``difflib.SequenceMatcher(autojunk=False)``): identical sentences are carried over;
2. a sentence deleted in one place that reappears among the inserted sentences of another place,
   near-identically (rapidfuzz ratio of the folded text >= ``Settings.diff_move_min_ratio``),
   is a move, not a delete plus an insert;
3. what remains of each changed run is diffed word by word: jieba tokens (``compare.nlp``),
   with any token longer than ``Settings.diff_max_token_chars`` cut into characters, so that a
   run of Chinese is never swallowed as one token.

The segments rebuild both texts: ``"".join(s.old for s in segs) == a`` and
``"".join(s.new for s in segs) == b``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from . import nlp
from .settings import DEFAULT_SETTINGS, Settings
from .textnorm import squeeze

SegmentKind = Literal["equal", "delete", "insert", "move_from", "move_to"]


@dataclass(frozen=True)
class Segment:
    """One run of the diff: text kept, removed, added, or moved."""

    kind: SegmentKind
    """``equal`` kept as is; ``delete``/``insert`` removed/added here; ``move_from``/``move_to``
    a sentence that left this place of the old text for another place of the new one."""
    old: str
    """The run's text on the old side ("" for ``insert`` and ``move_to``)."""
    new: str
    """The run's text on the new side ("" for ``delete`` and ``move_from``)."""
    move: int | None = None
    """For a move: the number linking its ``move_from`` to its ``move_to`` (0, 1, ... per diff)."""
    rewrite: bool = False
    """For ``delete``/``insert``: part of a passage reworded in place (old text replaced by new);
    False for text wholly dropped or wholly new. For ``move_to``: the moved sentence was also edited."""


@dataclass(frozen=True)
class DiffStats:
    """How much of the new text is carried over, moved, rewritten or new (non-space characters)."""

    carried: int
    """New-text characters kept word for word in place."""
    moved: int
    """New-text characters of sentences moved from elsewhere."""
    rewritten: int
    """New-text characters that replace reworded old text."""
    added: int
    """New-text characters with no old counterpart."""
    dropped: int
    """Old-text characters removed without replacement."""
    replaced: int
    """Old-text characters replaced by reworded text."""

    @property
    def new_total(self) -> int:
        """All non-space characters of the new text."""
        return self.carried + self.moved + self.rewritten + self.added

    @property
    def old_total(self) -> int:
        """All non-space characters of the old text."""
        return self.carried + self.moved + self.dropped + self.replaced

    @property
    def changed(self) -> bool:
        """Whether the two texts differ in anything but white space."""
        return bool(self.moved or self.rewritten or self.added or self.dropped or self.replaced)


@dataclass(frozen=True)
class TextDiff:
    """The diff of two texts."""

    segments: tuple[Segment, ...]
    """The runs, in order on both sides."""
    stats: DiffStats
    """Character counts by kind of change."""


_ENDS = frozenset("。！？!?；;")
_CLOSERS = frozenset("”’」』）)】")


def sentences(text: str) -> list[str]:
    """``text`` cut after each 。！？；(with closing quotes) and each line end; the pieces rebuild it."""
    out: list[str] = []
    start = i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in _ENDS or c == "\n":
            j = i + 1
            while j < n and (text[j] in _ENDS or text[j] in _CLOSERS):
                j += 1
            while j < n and text[j].isspace():
                j += 1
            out.append(text[start:j])
            start = i = j
        else:
            i += 1
    if start < n:
        out.append(text[start:])
    return out


def tokens(text: str, *, settings: Settings = DEFAULT_SETTINGS) -> list[str]:
    """The diff units of ``text``: jieba words, white space runs, and long tokens cut into characters."""
    out: list[str] = []
    limit = max(1, settings.diff_max_token_chars)
    for start, end in nlp.segment_spans(text):
        tok = text[start:end]
        body = tok.rstrip()
        if body and len(body) > limit:
            out.extend(body)
        elif body:
            out.append(body)
        if len(body) < len(tok):
            out.append(tok[len(body):])
    return out


def _nonspace(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def _merge(segs: Iterable[Segment]) -> list[Segment]:
    """Adjacent runs of the same kind (and flags) joined; empty runs dropped."""
    out: list[Segment] = []
    for s in segs:
        if not s.old and not s.new:
            continue
        if out and out[-1].kind == s.kind and out[-1].rewrite == s.rewrite and s.move is None \
                and out[-1].move is None:
            last = out[-1]
            out[-1] = Segment(s.kind, last.old + s.old, last.new + s.new, None, s.rewrite)
        else:
            out.append(s)
    return out


def _word_diff(a: str, b: str, settings: Settings) -> list[Segment]:
    """Word-level segments of two passages, with tiny kept runs between changes absorbed."""
    if not a:
        return [Segment("insert", "", b)] if b else []
    if not b:
        return [Segment("delete", a, "")]
    ta, tb = tokens(a, settings=settings), tokens(b, settings=settings)
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    if sm.ratio() < settings.diff_rewrite_min_ratio:
        return [Segment("delete", a, ""), Segment("insert", "", b)]
    raw: list[Segment] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        old, new = "".join(ta[i1:i2]), "".join(tb[j1:j2])
        if tag == "equal":
            raw.append(Segment("equal", old, new))
        else:
            if old:
                raw.append(Segment("delete", old, "", rewrite=True))
            if new:
                raw.append(Segment("insert", "", new, rewrite=True))
    # Kept runs too short to read between two changes make the diff choppy: absorb them into one
    # change. A run is absorbed when it has at most ``diff_absorb_equal_chars`` characters, or when
    # it is no longer than the changes on both sides of it (diff-match-patch's semantic cleanup).
    items: list[list[str]] = []  # [old, new, kind] with kind "=" kept or "~" changed
    for s in raw:
        kind = "=" if s.kind == "equal" else "~"
        if items and items[-1][2] == kind == "~":
            items[-1][0] += s.old
            items[-1][1] += s.new
        else:
            items.append([s.old, s.new, kind])
    changed = True
    while changed:
        changed = False
        k = 1
        while k < len(items) - 1:
            prev, eq, nxt = items[k - 1], items[k], items[k + 1]
            if eq[2] == "=" and prev[2] == nxt[2] == "~":
                size = _nonspace(eq[0])
                if size <= settings.diff_absorb_equal_chars or (
                        settings.diff_semantic_cleanup
                        and size <= max(_nonspace(prev[0]), _nonspace(prev[1]))
                        and size <= max(_nonspace(nxt[0]), _nonspace(nxt[1]))):
                    items[k - 1:k + 2] = [[prev[0] + eq[0] + nxt[0], prev[1] + eq[1] + nxt[1], "~"]]
                    changed = True
                    continue
            k += 1
    out: list[Segment] = []
    for old, new, kind in items:
        if kind == "=":
            out.append(Segment("equal", old, new))
            continue
        if old:
            out.append(Segment("delete", old, "", rewrite=True))
        if new:
            out.append(Segment("insert", "", new, rewrite=True))
    return out


def _splice(segs: list[Segment], old_marks: list[tuple[int, Segment]],
            new_marks: list[tuple[int, Segment]]) -> list[Segment]:
    """``segs`` with one-sided segments put at the given offsets of their side (splitting runs)."""
    out: list[Segment] = []
    queue = list(segs)
    oi = ni = k = opos = npos = 0
    inf = 1 << 62
    while True:
        while oi < len(old_marks) and old_marks[oi][0] <= opos:
            out.append(old_marks[oi][1])
            oi += 1
        while ni < len(new_marks) and new_marks[ni][0] <= npos:
            out.append(new_marks[ni][1])
            ni += 1
        if k == len(queue):
            if oi == len(old_marks) and ni == len(new_marks):
                return out
            opos, npos = inf, inf  # marks past the end (cannot happen with consistent offsets)
            continue
        s = queue[k]
        next_o = old_marks[oi][0] if oi < len(old_marks) else inf
        next_n = new_marks[ni][0] if ni < len(new_marks) else inf
        cuts = []
        if s.old and opos + len(s.old) > next_o:
            cuts.append(next_o - opos)
        if s.new and npos + len(s.new) > next_n:
            cuts.append(next_n - npos)
        if not cuts:
            out.append(s)
            opos += len(s.old)
            npos += len(s.new)
            k += 1
            continue
        c = min(cuts)
        first = Segment(s.kind, s.old[:c], s.new[:c], s.move, s.rewrite)
        rest = Segment(s.kind, s.old[c:], s.new[c:], s.move, s.rewrite)
        out.append(first)
        opos += len(first.old)
        npos += len(first.new)
        queue[k] = rest


def _find_moves(old_sents: Sequence[str], new_sents: Sequence[str], old_cand: list[tuple[int, int]],
                new_cand: list[tuple[int, int]], settings: Settings) -> dict[int, int]:
    """Deleted old sentence index -> inserted new sentence index, for sentences that moved.

    ``old_cand``/``new_cand`` are (sentence index, changed-run number); a sentence matched in its
    own run is an edit in place, not a move.
    """
    olds = [(i, blk) for i, blk in old_cand if len(squeeze(old_sents[i])) >= settings.diff_move_min_chars]
    news = [(j, blk) for j, blk in new_cand if len(squeeze(new_sents[j])) >= settings.diff_move_min_chars]
    if not olds or not news:
        return {}
    cutoff = settings.diff_move_min_ratio
    scores = process.cdist([squeeze(old_sents[i]) for i, _ in olds], [squeeze(new_sents[j]) for j, _ in news],
                           scorer=fuzz.ratio, score_cutoff=cutoff)
    pairs = []
    for a, (i, bi) in enumerate(olds):
        for b, (j, bj) in enumerate(news):
            sc = float(scores[a][b])
            if sc >= cutoff and bi != bj:
                pairs.append((-sc, i, j))
    pairs.sort()
    moves: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in moves and j not in used:
            moves[i] = j
            used.add(j)
    return moves


def diff_texts(a: str, b: str, *, settings: Settings = DEFAULT_SETTINGS) -> TextDiff:
    """The word-level diff of ``a`` (old) and ``b`` (new), moves detected; see the module docstring."""
    sa, sb = sentences(a), sentences(b)
    sm = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
    ops = sm.get_opcodes()
    old_cand: list[tuple[int, int]] = []
    new_cand: list[tuple[int, int]] = []
    for blk, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "equal":
            old_cand.extend((i, blk) for i in range(i1, i2))
            new_cand.extend((j, blk) for j in range(j1, j2))
    moves = _find_moves(sa, sb, old_cand, new_cand, settings)
    move_no = {i: n for n, i in enumerate(sorted(moves))}
    move_of_new = {j: move_no[i] for i, j in moves.items()}
    segs: list[Segment] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            segs.append(Segment("equal", "".join(sa[i1:i2]), "".join(sb[j1:j2])))
            continue
        old_marks: list[tuple[int, Segment]] = []
        new_marks: list[tuple[int, Segment]] = []
        rest_old: list[str] = []
        rest_new: list[str] = []
        pos = 0
        for i in range(i1, i2):
            if i in moves:
                old_marks.append((pos, Segment("move_from", sa[i], "", move_no[i])))
            else:
                rest_old.append(sa[i])
                pos += len(sa[i])
        pos = 0
        for j in range(j1, j2):
            if j in move_of_new:
                n = move_of_new[j]
                src = next(i for i, jj in moves.items() if jj == j)
                edited = squeeze(sa[src]) != squeeze(sb[j])
                new_marks.append((pos, Segment("move_to", "", sb[j], n, edited)))
            else:
                rest_new.append(sb[j])
                pos += len(sb[j])
        old_text, new_text = "".join(rest_old), "".join(rest_new)
        if old_text and new_text:
            inner = _word_diff(old_text, new_text, settings)
        else:
            inner = ([Segment("delete", old_text, "")] if old_text else []) + \
                    ([Segment("insert", "", new_text)] if new_text else [])
        segs.extend(_splice(inner, old_marks, new_marks))
    merged = _merge(segs)
    return TextDiff(segments=tuple(merged), stats=_stats(merged))


def _stats(segs: Iterable[Segment]) -> DiffStats:
    carried = moved = rewritten = added = dropped = replaced = 0
    for s in segs:
        if s.kind == "equal":
            carried += _nonspace(s.new)
        elif s.kind == "move_to":
            moved += _nonspace(s.new)
        elif s.kind == "insert":
            if s.rewrite:
                rewritten += _nonspace(s.new)
            else:
                added += _nonspace(s.new)
        elif s.kind == "delete":
            if s.rewrite:
                replaced += _nonspace(s.old)
            else:
                dropped += _nonspace(s.old)
    return DiffStats(carried=carried, moved=moved, rewritten=rewritten, added=added, dropped=dropped,
                     replaced=replaced)


def cross_moves(diffs: Sequence[TextDiff], *, settings: Settings = DEFAULT_SETTINGS) -> tuple[TextDiff, ...]:
    """The diffs of several aligned passages, with sentences that moved from one passage to another
    shown as moves (a sentence dropped from one section and reappearing near-identically in another).

    Move numbers are made unique across the whole list; every diff still rebuilds its two texts.
    """
    renumbered: list[list[Segment]] = []
    base = 0
    for d in diffs:
        ids = sorted({s.move for s in d.segments if s.move is not None})
        table = {m: base + k for k, m in enumerate(ids)}
        base += len(ids)
        renumbered.append([s if s.move is None else Segment(s.kind, s.old, s.new, table[s.move], s.rewrite)
                           for s in d.segments])
    Cand = tuple[int, int, int, str]  # (diff, segment, offset in the segment, sentence)
    dels: list[Cand] = []
    inss: list[Cand] = []
    for di, segs in enumerate(renumbered):
        for si, s in enumerate(segs):
            if s.kind not in ("delete", "insert"):
                continue
            off = 0
            for sent in sentences(s.old or s.new):
                if len(squeeze(sent)) >= settings.diff_move_min_chars:
                    (dels if s.kind == "delete" else inss).append((di, si, off, sent))
                off += len(sent)
    if not dels or not inss:
        return tuple(TextDiff(tuple(segs), _stats(segs)) for segs in renumbered)
    cutoff = settings.diff_move_min_ratio
    scores = process.cdist([squeeze(c[3]) for c in dels], [squeeze(c[3]) for c in inss], scorer=fuzz.ratio,
                           score_cutoff=cutoff)
    pairs = sorted((-float(scores[a][b]), a, b) for a in range(len(dels)) for b in range(len(inss))
                   if scores[a][b] >= cutoff and dels[a][0] != inss[b][0])
    cuts: dict[tuple[int, int], list[tuple[int, str, int, bool]]] = {}
    used_d: set[int] = set()
    used_i: set[int] = set()
    for _, a, b in pairs:
        if a in used_d or b in used_i:
            continue
        used_d.add(a)
        used_i.add(b)
        edited = squeeze(dels[a][3]) != squeeze(inss[b][3])
        cuts.setdefault(dels[a][:2], []).append((dels[a][2], dels[a][3], base, False))
        cuts.setdefault(inss[b][:2], []).append((inss[b][2], inss[b][3], base, edited))
        base += 1
    out: list[TextDiff] = []
    for di, segs in enumerate(renumbered):
        rebuilt: list[Segment] = []
        for si, s in enumerate(segs):
            if (di, si) not in cuts:
                rebuilt.append(s)
                continue
            own, pos = (s.old or s.new), 0
            for off, sent, move, edited in sorted(cuts[(di, si)]):
                rest = own[pos:off]
                if rest:
                    rebuilt.append(Segment(s.kind, rest if s.kind == "delete" else "",
                                           rest if s.kind == "insert" else "", None, s.rewrite))
                if s.kind == "delete":
                    rebuilt.append(Segment("move_from", sent, "", move))
                else:
                    rebuilt.append(Segment("move_to", "", sent, move, edited))
                pos = off + len(sent)
            if pos < len(own):
                rest = own[pos:]
                rebuilt.append(Segment(s.kind, rest if s.kind == "delete" else "",
                                       rest if s.kind == "insert" else "", None, s.rewrite))
        out.append(TextDiff(tuple(rebuilt), _stats(rebuilt)))
    return tuple(out)
