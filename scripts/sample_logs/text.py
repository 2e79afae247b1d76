"""Words, sentences and paragraphs, cut from fixed word and sentence streams (fast, seeded)."""

from __future__ import annotations

import random

WORD_TEXT = """
the a of to and in is for on with that this by from as at be are was it or an data
model table pipeline query cluster job endpoint request response latency token
stream vector index schema column row partition warehouse catalog volume notebook
agent tool retrieval document chunk embedding prompt answer question summary report
metric dashboard alert user customer order invoice payment refund shipping delivery
account password reset login error timeout retry quota limit region storage bucket
file upload download export import format json csv parquet delta merge update
delete insert select join filter group sort window average total count sum maximum
minimum daily weekly monthly yesterday today tomorrow please can you help me
explain why how what when where which show list find compare fix write generate
translate improve check review latest previous current new old fast slow large
small first last next best simple detailed short long clear
"""
WORDS = tuple(WORD_TEXT.split())
INTL_TEXT = """
café naïve Zürich São Ångström niño über crème brûlée façade
日本語 東京 你好 世界 数据 데이터 모델 データ модель данные Αθήνα שלום 🚀 😀 👍 🎉 € —
"""
INTL_WORDS = tuple(INTL_TEXT.split())
MIXED_WORDS = WORDS + INTL_WORDS
POOL_SIZE = 100_003
SENTENCE_POOL_SIZE = 20_011
_POOL_RNG = random.Random("generate_sample_logs/word-pool")
PLAIN_POOL = _POOL_RNG.choices(WORDS, k=POOL_SIZE)
MIXED_POOL = _POOL_RNG.choices(MIXED_WORDS, k=POOL_SIZE)
INTL_SENTENCES = (
    "データパイプラインの状態を教えてください。",
    "请总结一下昨天的销售数据。",
    "¿Puedes explicar por qué falló el trabajo de anoche?",
    "Pourquoi la requête est-elle si lente aujourd'hui ?",
    "Könnten Sie die Größe der Tabelle prüfen? 🙏",
    "고객 주문 내역을 보여 주세요.",
    "Покажи последние ошибки в журнале.",
)


def pool_sentence(words: list[str], start: int, n: int) -> str:
    text = " ".join(words[start : start + n])
    return text[0].upper() + text[1:] + "."


def sentence(rng: random.Random, lo: int, hi: int, intl: bool) -> str:
    """lo..hi words cut from a fixed word stream (much faster than drawing every word)."""
    if intl and rng.random() < 0.1:
        return INTL_SENTENCES[int(rng.random() * len(INTL_SENTENCES))]
    n = lo + int(rng.random() * (hi - lo + 1))
    start = int(rng.random() * (POOL_SIZE - n))
    return pool_sentence(MIXED_POOL if intl else PLAIN_POOL, start, n)


def build_sentence_pool(intl: bool) -> list[str]:
    rng = random.Random(f"generate_sample_logs/sentences/{intl}")
    return [sentence(rng, 5, 13, intl) for _ in range(SENTENCE_POOL_SIZE)]


PLAIN_SENTENCES = build_sentence_pool(False)
MIXED_SENTENCES = build_sentence_pool(True)


def paragraph(rng: random.Random, lo: int, hi: int, intl: bool) -> str:
    """lo..hi consecutive sentences of a fixed sentence stream."""
    n = lo + int(rng.random() * (hi - lo + 1))
    start = int(rng.random() * (SENTENCE_POOL_SIZE - n))
    return " ".join((MIXED_SENTENCES if intl else PLAIN_SENTENCES)[start : start + n])
