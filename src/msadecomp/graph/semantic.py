"""Semantic coupling: classes that talk about the same things are likely in the same context.

Each top-level class becomes a document of the terms in its identifiers (class, field and method
names split at camelCase and underscores). Terms are weighted by TF-IDF (sublinear tf,
``idf = ln(N / df)``); technical words (get, list, service, impl, ...) and terms found in more
than ``max_df`` of the classes are dropped. Similarity is the cosine of two vectors, computed
through an inverted index, so cost grows with shared terms rather than with all pairs.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

_SPLIT = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_TECHNICAL = """
get set is has list select insert update delete save find count tot cnt vo dto impl service
controller dao mapper repository egov com cmm util utils helper manager abstract base default info
data value values result results search condition keyword page index unit first last record per
serial version uid string int long map object id ids new process action view detail regist
register modify remove create read write check to from by of and the for with msg message model
attribute request response session handler exception error log logger config configuration
configurer initializer factory bean entity
table column key name code sn se nm cn at de dt
"""
TECHNICAL_TERMS = frozenset(_TECHNICAL.split())


def terms(identifier: str) -> list[str]:
    """``selectArticleList`` -> ``['article']``: lower-case terms without technical words."""
    out = []
    for part in re.split(r"[_$.\W]+", identifier):
        for word in _SPLIT.findall(part):
            w = word.lower()
            if len(w) > 2 and w not in TECHNICAL_TERMS and not w.isdigit():
                out.append(w)
    return out


def tfidf(
    documents: Mapping[str, Iterable[str]], max_df: float = 0.25
) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors per document id."""
    counts = {doc: Counter(words) for doc, words in documents.items()}
    n = len(counts)
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    limit = max(2, int(max_df * n))
    vectors: dict[str, dict[str, float]] = {}
    for doc, c in counts.items():
        vec = {
            t: (1 + math.log(k)) * math.log(n / df[t]) for t, k in c.items() if 1 < df[t] <= limit
        }
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vectors[doc] = {t: v / norm for t, v in vec.items()} if norm else {}
    return vectors


MAX_POSTINGS = 200
"""Terms used by more classes than this are left out of the pairing (see similar_pairs)."""


def similar_pairs(
    documents: Mapping[str, Iterable[str]],
    *,
    top_k: int = 5,
    threshold: float = 0.2,
    max_df: float = 0.25,
) -> dict[tuple[str, str], float]:
    """For each document, its ``top_k`` most similar others with cosine >= ``threshold``.

    Returns ``{(a, b): similarity}`` with ``a < b``.
    """
    vectors = tfidf(documents, max_df)
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for doc, vec in vectors.items():
        for t, w in vec.items():
            postings[t].append((doc, w))
    # A term shared by very many classes says little about boundaries and makes the pairing
    # quadratic: such terms take no part in it.
    postings = defaultdict(list, {t: p for t, p in postings.items() if len(p) <= MAX_POSTINGS})
    pairs: dict[tuple[str, str], float] = {}
    for doc in sorted(vectors):
        scores: dict[str, float] = defaultdict(float)
        for t, w in vectors[doc].items():
            for other, w2 in postings.get(t, ()):
                if other != doc:
                    scores[other] += w * w2
        best = heapq.nsmallest(top_k, scores.items(), key=lambda kv: (-kv[1], kv[0]))
        for other, s in best:
            if s >= threshold:
                key = (doc, other) if doc < other else (other, doc)
                pairs[key] = round(s, 6)
    return pairs
